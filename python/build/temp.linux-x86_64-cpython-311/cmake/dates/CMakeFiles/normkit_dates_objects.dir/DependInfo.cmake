
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/dates/date_finder.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_finder.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_finder.cc.o.d"
  "/work/h14/dates/date_grammar.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_grammar.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_grammar.cc.o.d"
  "/work/h14/dates/date_lexicon.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon.cc.o.d"
  "/work/h14/dates/date_lexicon_cldr.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon_cldr.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon_cldr.cc.o.d"
  "/work/h14/dates/date_lexicon_rules.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon_rules.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_lexicon_rules.cc.o.d"
  "/work/h14/dates/date_prefilter.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_prefilter.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_prefilter.cc.o.d"
  "/work/h14/dates/date_tokenizer.cc" "dates/CMakeFiles/normkit_dates_objects.dir/date_tokenizer.cc.o" "gcc" "dates/CMakeFiles/normkit_dates_objects.dir/date_tokenizer.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
