file(REMOVE_RECURSE
  "CMakeFiles/normkit_cyrillic_fallback_gen.dir/cyrillic_fallback_gen.cc.o"
  "CMakeFiles/normkit_cyrillic_fallback_gen.dir/cyrillic_fallback_gen.cc.o.d"
  "normkit_cyrillic_fallback_gen"
  "normkit_cyrillic_fallback_gen.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_cyrillic_fallback_gen.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
