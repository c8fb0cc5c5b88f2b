file(REMOVE_RECURSE
  "CMakeFiles/normkit_translit_objects.dir/compile.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/compile.cc.o.d"
  "CMakeFiles/normkit_translit_objects.dir/cyrillic_fallback.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/cyrillic_fallback.cc.o.d"
  "CMakeFiles/normkit_translit_objects.dir/engine.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/engine.cc.o.d"
  "CMakeFiles/normkit_translit_objects.dir/icu_transform.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/icu_transform.cc.o.d"
  "CMakeFiles/normkit_translit_objects.dir/scheme.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/scheme.cc.o.d"
  "CMakeFiles/normkit_translit_objects.dir/transliterator.cc.o"
  "CMakeFiles/normkit_translit_objects.dir/transliterator.cc.o.d"
  "cyrillic_fallback.cc"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_translit_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
