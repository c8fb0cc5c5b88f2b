file(REMOVE_RECURSE
  "CMakeFiles/normkit_normalize_objects.dir/clean_scan.cc.o"
  "CMakeFiles/normkit_normalize_objects.dir/clean_scan.cc.o.d"
  "CMakeFiles/normkit_normalize_objects.dir/encoding.cc.o"
  "CMakeFiles/normkit_normalize_objects.dir/encoding.cc.o.d"
  "CMakeFiles/normkit_normalize_objects.dir/normalizer.cc.o"
  "CMakeFiles/normkit_normalize_objects.dir/normalizer.cc.o.d"
  "CMakeFiles/normkit_normalize_objects.dir/punctuation.cc.o"
  "CMakeFiles/normkit_normalize_objects.dir/punctuation.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_normalize_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
