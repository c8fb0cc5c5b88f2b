file(REMOVE_RECURSE
  "libnormkit_core.a"
  "libnormkit_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_core.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
