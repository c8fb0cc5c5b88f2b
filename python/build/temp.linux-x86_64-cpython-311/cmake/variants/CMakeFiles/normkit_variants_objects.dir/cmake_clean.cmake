file(REMOVE_RECURSE
  "CMakeFiles/normkit_variants_objects.dir/variant_cluster.cc.o"
  "CMakeFiles/normkit_variants_objects.dir/variant_cluster.cc.o.d"
  "CMakeFiles/normkit_variants_objects.dir/variant_index.cc.o"
  "CMakeFiles/normkit_variants_objects.dir/variant_index.cc.o.d"
  "CMakeFiles/normkit_variants_objects.dir/variant_key.cc.o"
  "CMakeFiles/normkit_variants_objects.dir/variant_key.cc.o.d"
  "CMakeFiles/normkit_variants_objects.dir/variant_lexicon.cc.o"
  "CMakeFiles/normkit_variants_objects.dir/variant_lexicon.cc.o.d"
  "CMakeFiles/normkit_variants_objects.dir/variant_scan.cc.o"
  "CMakeFiles/normkit_variants_objects.dir/variant_scan.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_variants_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
