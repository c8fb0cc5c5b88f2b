
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/headers/header_cleaner.cc" "headers/CMakeFiles/normkit_headers_objects.dir/header_cleaner.cc.o" "gcc" "headers/CMakeFiles/normkit_headers_objects.dir/header_cleaner.cc.o.d"
  "/work/h14/headers/header_lines.cc" "headers/CMakeFiles/normkit_headers_objects.dir/header_lines.cc.o" "gcc" "headers/CMakeFiles/normkit_headers_objects.dir/header_lines.cc.o.d"
  "/work/h14/headers/header_rules.cc" "headers/CMakeFiles/normkit_headers_objects.dir/header_rules.cc.o" "gcc" "headers/CMakeFiles/normkit_headers_objects.dir/header_rules.cc.o.d"
  "/work/h14/headers/pattern_set.cc" "headers/CMakeFiles/normkit_headers_objects.dir/pattern_set.cc.o" "gcc" "headers/CMakeFiles/normkit_headers_objects.dir/pattern_set.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
