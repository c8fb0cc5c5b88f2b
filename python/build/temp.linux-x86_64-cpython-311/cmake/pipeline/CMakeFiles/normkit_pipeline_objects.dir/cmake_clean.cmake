file(REMOVE_RECURSE
  "CMakeFiles/normkit_pipeline_objects.dir/json_record.cc.o"
  "CMakeFiles/normkit_pipeline_objects.dir/json_record.cc.o.d"
  "CMakeFiles/normkit_pipeline_objects.dir/metadata_json.cc.o"
  "CMakeFiles/normkit_pipeline_objects.dir/metadata_json.cc.o.d"
  "CMakeFiles/normkit_pipeline_objects.dir/pipeline.cc.o"
  "CMakeFiles/normkit_pipeline_objects.dir/pipeline.cc.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/normkit_pipeline_objects.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
