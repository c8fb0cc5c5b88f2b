file(REMOVE_RECURSE
  "CMakeFiles/normkit_python.dir/src/module.cc.o"
  "CMakeFiles/normkit_python.dir/src/module.cc.o.d"
  "normkit/_normkit.cpython-311-x86_64-linux-gnu.so"
  "normkit/_normkit.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_python.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
