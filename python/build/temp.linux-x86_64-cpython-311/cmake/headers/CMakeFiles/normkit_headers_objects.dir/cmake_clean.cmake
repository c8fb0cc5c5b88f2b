file(REMOVE_RECURSE
  "CMakeFiles/normkit_headers_objects.dir/header_cleaner.cc.o"
  "CMakeFiles/normkit_headers_objects.dir/header_cleaner.cc.o.d"
  "CMakeFiles/normkit_headers_objects.dir/header_lines.cc.o"
  "CMakeFiles/normkit_headers_objects.dir/header_lines.cc.o.d"
  "CMakeFiles/normkit_headers_objects.dir/header_rules.cc.o"
  "CMakeFiles/normkit_headers_objects.dir/header_rules.cc.o.d"
  "CMakeFiles/normkit_headers_objects.dir/pattern_set.cc.o"
  "CMakeFiles/normkit_headers_objects.dir/pattern_set.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_headers_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
