file(REMOVE_RECURSE
  "libnormkit_normalize.a"
  "libnormkit_normalize.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_normalize.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
