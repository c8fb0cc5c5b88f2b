
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/pipeline/json_record.cc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/json_record.cc.o" "gcc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/json_record.cc.o.d"
  "/work/h14/pipeline/metadata_json.cc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/metadata_json.cc.o" "gcc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/metadata_json.cc.o.d"
  "/work/h14/pipeline/pipeline.cc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/pipeline.cc.o" "gcc" "pipeline/CMakeFiles/normkit_pipeline_objects.dir/pipeline.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
