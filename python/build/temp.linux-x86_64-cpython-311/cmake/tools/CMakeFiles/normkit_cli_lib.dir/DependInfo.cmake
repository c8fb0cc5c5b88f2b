
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h14/tools/clean_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/clean_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/clean_command.cc.o.d"
  "/work/h14/tools/cli_support.cc" "tools/CMakeFiles/normkit_cli_lib.dir/cli_support.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/cli_support.cc.o.d"
  "/work/h14/tools/command_line.cc" "tools/CMakeFiles/normkit_cli_lib.dir/command_line.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/command_line.cc.o.d"
  "/work/h14/tools/compression.cc" "tools/CMakeFiles/normkit_cli_lib.dir/compression.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/compression.cc.o.d"
  "/work/h14/tools/dates_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/dates_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/dates_command.cc.o.d"
  "/work/h14/tools/demo_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/demo_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/demo_command.cc.o.d"
  "/work/h14/tools/documents.cc" "tools/CMakeFiles/normkit_cli_lib.dir/documents.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/documents.cc.o.d"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/tools/embedded_demo.cc" "tools/CMakeFiles/normkit_cli_lib.dir/embedded_demo.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/embedded_demo.cc.o.d"
  "/work/h14/tools/input.cc" "tools/CMakeFiles/normkit_cli_lib.dir/input.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/input.cc.o.d"
  "/work/h14/tools/normalize_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/normalize_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/normalize_command.cc.o.d"
  "/work/h14/tools/output.cc" "tools/CMakeFiles/normkit_cli_lib.dir/output.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/output.cc.o.d"
  "/work/h14/tools/progress.cc" "tools/CMakeFiles/normkit_cli_lib.dir/progress.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/progress.cc.o.d"
  "/work/h14/tools/run_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/run_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/run_command.cc.o.d"
  "/work/h14/tools/stream.cc" "tools/CMakeFiles/normkit_cli_lib.dir/stream.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/stream.cc.o.d"
  "/work/h14/tools/summary.cc" "tools/CMakeFiles/normkit_cli_lib.dir/summary.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/summary.cc.o.d"
  "/work/h14/tools/translit_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/translit_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/translit_command.cc.o.d"
  "/work/h14/tools/variants_command.cc" "tools/CMakeFiles/normkit_cli_lib.dir/variants_command.cc.o" "gcc" "tools/CMakeFiles/normkit_cli_lib.dir/variants_command.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/pipeline/CMakeFiles/normkit_pipeline.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/normalize/CMakeFiles/normkit_normalize.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/variants/CMakeFiles/normkit_variants.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/translit/CMakeFiles/normkit_translit.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/headers/CMakeFiles/normkit_headers.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/dates/CMakeFiles/normkit_dates.dir/DependInfo.cmake"
  "/work/h14/python/build/temp.linux-x86_64-cpython-311/cmake/core/CMakeFiles/normkit_core.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
