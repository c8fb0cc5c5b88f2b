file(REMOVE_RECURSE
  "libnormkit_pipeline.a"
  "libnormkit_pipeline.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_pipeline.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
