file(REMOVE_RECURSE
  "CMakeFiles/normkit_dates_objects.dir/date_finder.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_finder.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_grammar.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_grammar.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon_cldr.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon_cldr.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon_rules.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_lexicon_rules.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_prefilter.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_prefilter.cc.o.d"
  "CMakeFiles/normkit_dates_objects.dir/date_tokenizer.cc.o"
  "CMakeFiles/normkit_dates_objects.dir/date_tokenizer.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_dates_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
