
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/translit/compile.cc" "translit/CMakeFiles/normkit_translit_objects.dir/compile.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/compile.cc.o.d"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/translit/cyrillic_fallback.cc" "translit/CMakeFiles/normkit_translit_objects.dir/cyrillic_fallback.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/cyrillic_fallback.cc.o.d"
  "/work/h14/translit/engine.cc" "translit/CMakeFiles/normkit_translit_objects.dir/engine.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/engine.cc.o.d"
  "/work/h14/translit/icu_transform.cc" "translit/CMakeFiles/normkit_translit_objects.dir/icu_transform.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/icu_transform.cc.o.d"
  "/work/h14/translit/scheme.cc" "translit/CMakeFiles/normkit_translit_objects.dir/scheme.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/scheme.cc.o.d"
  "/work/h14/translit/transliterator.cc" "translit/CMakeFiles/normkit_translit_objects.dir/transliterator.cc.o" "gcc" "translit/CMakeFiles/normkit_translit_objects.dir/transliterator.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
