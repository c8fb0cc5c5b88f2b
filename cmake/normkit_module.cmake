# normkit_add_module(NAME SOURCES ... [MODULES ...] [PRIVATE ...])
#
# Declares the library normkit::NAME (target normkit_NAME, file
# libnormkit_NAME) from SOURCES. MODULES are the normkit modules it builds on
# (a public dependency: their headers appear in this module's headers);
# PRIVATE are the third-party targets it uses inside.
#
# Only the public API is exported: symbols are hidden unless marked
# NORMKIT_EXPORT (include/normkit/export.h). Tests that need a module's
# internals link normkit_NAME_static instead, a static library of the same
# objects (built only with the tests); it links the other modules'
# _static libraries, never a shared normkit library, so that a test holds one
# copy of each symbol.
function(normkit_add_module name)
  cmake_parse_arguments(arg "" "" "SOURCES;MODULES;PRIVATE" ${ARGN})
  set(objects normkit_${name}_objects)
  add_library(${objects} OBJECT ${arg_SOURCES})
  set_target_properties(${objects} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${objects}
    PUBLIC
      "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
      "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>"
    # The module's own internal headers by name, the core's as "core/x.h".
    PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}")
  # The public headers need C++17; the library itself is built as C++20.
  target_compile_features(${objects} PUBLIC cxx_std_17)
  target_link_libraries(${objects} PRIVATE ${arg_PRIVATE})

  add_library(normkit_${name} $<TARGET_OBJECTS:${objects}>)
  add_library(normkit::${name} ALIAS normkit_${name})
  set_target_properties(normkit_${name} PROPERTIES
    EXPORT_NAME ${name}
    OUTPUT_NAME normkit_${name}
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR})
  target_include_directories(normkit_${name} PUBLIC
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
    "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  target_compile_features(normkit_${name} PUBLIC cxx_std_17)
  get_target_property(type normkit_${name} TYPE)
  if(type STREQUAL "SHARED_LIBRARY")
    target_link_options(normkit_${name} PRIVATE
      "LINKER:--version-script=${PROJECT_SOURCE_DIR}/cmake/hide_internal.map")
    set_property(TARGET normkit_${name} APPEND PROPERTY
      LINK_DEPENDS "${PROJECT_SOURCE_DIR}/cmake/hide_internal.map")
  endif()
  list(TRANSFORM arg_MODULES PREPEND normkit_ OUTPUT_VARIABLE module_targets)
  target_link_libraries(normkit_${name} PUBLIC ${module_targets} PRIVATE ${arg_PRIVATE})

  if(NORMKIT_BUILD_TESTS)
    add_library(normkit_${name}_static STATIC $<TARGET_OBJECTS:${objects}>)
    target_include_directories(normkit_${name}_static PUBLIC
      "${PROJECT_SOURCE_DIR}/include" "${PROJECT_BINARY_DIR}/include"
      # Internal headers by their module: "translit/scheme.h".
      "${PROJECT_SOURCE_DIR}")
    target_compile_features(normkit_${name}_static PUBLIC cxx_std_17)
    list(TRANSFORM arg_MODULES APPEND _static OUTPUT_VARIABLE module_statics)
    list(TRANSFORM module_statics PREPEND normkit_)
    target_link_libraries(normkit_${name}_static PUBLIC ${module_statics} ${arg_PRIVATE})
  endif()
endfunction()

# normkit_embed_files(OUTPUT file.cc ROOT folder FILES relative... TABLE name)
#
# A build step that writes OUTPUT, a C++ source holding each of FILES (paths
# relative to ROOT) as bytes in the table TABLE (core/embedded_files.h). It
# runs again when a file or the script changes.
function(normkit_embed_files)
  cmake_parse_arguments(arg "" "OUTPUT;ROOT;TABLE" "FILES" ${ARGN})
  list(TRANSFORM arg_FILES PREPEND "${arg_ROOT}/" OUTPUT_VARIABLE paths)
  add_custom_command(
    OUTPUT "${arg_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}"
            "-DOUTPUT=${arg_OUTPUT}"
            "-DROOT=${arg_ROOT}"
            "-DFILES=${arg_FILES}"
            "-DTABLE=${arg_TABLE}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    DEPENDS ${paths} "${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake"
    COMMENT "Embedding ${arg_ROOT}"
    VERBATIM)
endfunction()
