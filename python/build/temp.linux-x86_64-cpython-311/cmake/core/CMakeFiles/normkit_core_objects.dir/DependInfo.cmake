
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/core/embedded_rules.cc" "core/CMakeFiles/normkit_core_objects.dir/embedded_rules.cc.o" "gcc" "core/CMakeFiles/normkit_core_objects.dir/embedded_rules.cc.o.d"
  "/work/h14/core/rule_files.cc" "core/CMakeFiles/normkit_core_objects.dir/rule_files.cc.o" "gcc" "core/CMakeFiles/normkit_core_objects.dir/rule_files.cc.o.d"
  "/work/h14/core/status.cc" "core/CMakeFiles/normkit_core_objects.dir/status.cc.o" "gcc" "core/CMakeFiles/normkit_core_objects.dir/status.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
