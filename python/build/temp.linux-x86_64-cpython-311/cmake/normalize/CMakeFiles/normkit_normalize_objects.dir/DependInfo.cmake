
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/normalize/clean_scan.cc" "normalize/CMakeFiles/normkit_normalize_objects.dir/clean_scan.cc.o" "gcc" "normalize/CMakeFiles/normkit_normalize_objects.dir/clean_scan.cc.o.d"
  "/work/h14/normalize/encoding.cc" "normalize/CMakeFiles/normkit_normalize_objects.dir/encoding.cc.o" "gcc" "normalize/CMakeFiles/normkit_normalize_objects.dir/encoding.cc.o.d"
  "/work/h14/normalize/normalizer.cc" "normalize/CMakeFiles/normkit_normalize_objects.dir/normalizer.cc.o" "gcc" "normalize/CMakeFiles/normkit_normalize_objects.dir/normalizer.cc.o.d"
  "/work/h14/normalize/punctuation.cc" "normalize/CMakeFiles/normkit_normalize_objects.dir/punctuation.cc.o" "gcc" "normalize/CMakeFiles/normkit_normalize_objects.dir/punctuation.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
