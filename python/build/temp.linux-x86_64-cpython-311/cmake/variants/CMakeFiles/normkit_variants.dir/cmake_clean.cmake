file(REMOVE_RECURSE
  "libnormkit_variants.a"
  "libnormkit_variants.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_variants.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
