file(REMOVE_RECURSE
  "CMakeFiles/normkit_core_objects.dir/embedded_rules.cc.o"
  "CMakeFiles/normkit_core_objects.dir/embedded_rules.cc.o.d"
  "CMakeFiles/normkit_core_objects.dir/rule_files.cc.o"
  "CMakeFiles/normkit_core_objects.dir/rule_files.cc.o.d"
  "CMakeFiles/normkit_core_objects.dir/status.cc.o"
  "CMakeFiles/normkit_core_objects.dir/status.cc.o.d"
  "embedded_rules.cc"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_core_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
