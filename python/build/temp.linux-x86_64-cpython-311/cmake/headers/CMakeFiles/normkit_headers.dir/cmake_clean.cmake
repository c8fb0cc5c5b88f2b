file(REMOVE_RECURSE
  "libnormkit_headers.a"
  "libnormkit_headers.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_headers.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
