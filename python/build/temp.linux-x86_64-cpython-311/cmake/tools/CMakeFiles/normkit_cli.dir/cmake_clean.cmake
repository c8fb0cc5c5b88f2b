file(REMOVE_RECURSE
  "CMakeFiles/normkit_cli.dir/main.cc.o"
  "CMakeFiles/normkit_cli.dir/main.cc.o.d"
  "normkit"
  "normkit.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
