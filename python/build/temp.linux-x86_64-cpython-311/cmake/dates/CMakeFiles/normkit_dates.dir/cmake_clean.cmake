file(REMOVE_RECURSE
  "libnormkit_dates.a"
  "libnormkit_dates.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_dates.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
