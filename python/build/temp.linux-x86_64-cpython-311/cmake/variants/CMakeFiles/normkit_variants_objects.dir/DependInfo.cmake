
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/variants/variant_cluster.cc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_cluster.cc.o" "gcc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_cluster.cc.o.d"
  "/work/h14/variants/variant_index.cc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_index.cc.o" "gcc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_index.cc.o.d"
  "/work/h14/variants/variant_key.cc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_key.cc.o" "gcc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_key.cc.o.d"
  "/work/h14/variants/variant_lexicon.cc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_lexicon.cc.o" "gcc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_lexicon.cc.o.d"
  "/work/h14/variants/variant_scan.cc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_scan.cc.o" "gcc" "variants/CMakeFiles/normkit_variants_objects.dir/variant_scan.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
