file(REMOVE_RECURSE
  "libnormkit_translit.a"
  "libnormkit_translit.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_translit.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
