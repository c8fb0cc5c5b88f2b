# cmake --install: headers, libraries, the binary, the rule files, a CMake
# package (find_package(normkit)) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(NORMKIT_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/normkit")

install(TARGETS ${normkit_module_targets} normkit
  EXPORT normkitTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
if(NORMKIT_BUILD_TOOLS)
  install(TARGETS normkit_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
install(DIRECTORY include/normkit DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(FILES "${PROJECT_BINARY_DIR}/include/normkit/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/normkit")
# The library embeds these; installed too so users can read and copy them as
# the starting point of their own --rules folder.
install(DIRECTORY rules/ DESTINATION "${CMAKE_INSTALL_DATADIR}/normkit/rules")

install(EXPORT normkitTargets
  NAMESPACE normkit::
  DESTINATION "${NORMKIT_CMAKE_DIR}")
get_target_property(normkit_library_type normkit_core TYPE)
if(normkit_library_type STREQUAL "STATIC_LIBRARY")
  set(NORMKIT_STATIC TRUE)
else()
  set(NORMKIT_STATIC FALSE)
endif()
configure_package_config_file(cmake/normkitConfig.cmake.in
  "${PROJECT_BINARY_DIR}/normkitConfig.cmake"
  INSTALL_DESTINATION "${NORMKIT_CMAKE_DIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/normkitConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/normkitConfig.cmake"
              "${PROJECT_BINARY_DIR}/normkitConfigVersion.cmake"
        DESTINATION "${NORMKIT_CMAKE_DIR}")

# pkg-config: static builds list the private dependencies too.
if(NORMKIT_STATIC)
  set(NORMKIT_PC_REQUIRES_PRIVATE "icu-uc icu-i18n libutf8proc re2 tomlplusplus simdjson")
  set(NORMKIT_PC_LIBS_PRIVATE "-lboost_locale")
endif()
# The .pc names its prefix relative to its own folder: one ".." per part of
# lib/pkgconfig (or lib/x86_64-linux-gnu/pkgconfig).
string(REGEX REPLACE "[^/]+" ".." NORMKIT_PC_UP
       "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
configure_file(cmake/normkit.pc.in "${PROJECT_BINARY_DIR}/normkit.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/normkit.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
