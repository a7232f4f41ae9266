# libgit2: Debian's build initialises mbedTLS on git_libgit2_init(), parsing the whole CA bundle
# (8-13 ms per hook run). hookguard never speaks HTTPS through libgit2, so link the static
# archive and wrap that init away (../shared/notes/platform.md). Falls back to the shared
# library when the archive is missing.
find_library(LIBGIT2_STATIC_ARCHIVE NAMES libgit2.a PATHS ${LIBGIT2_LIBRARY_DIRS} NO_DEFAULT_PATH)
if(NOT LIBGIT2_STATIC_ARCHIVE)
  find_library(LIBGIT2_STATIC_ARCHIVE NAMES libgit2.a)
endif()
add_library(hookguard_git2 INTERFACE)
target_include_directories(hookguard_git2 INTERFACE ${LIBGIT2_INCLUDE_DIRS})
if(LIBGIT2_STATIC_ARCHIVE)
  pkg_check_modules(LIBGIT2_STATIC_DEPS QUIET libgit2)
  find_library(GSSAPI_LIB NAMES gssapi_krb5 libgssapi_krb5.so.2)
  target_link_libraries(hookguard_git2 INTERFACE ${LIBGIT2_STATIC_ARCHIVE}
    mbedtls mbedx509 mbedcrypto ssh2 http_parser pcre2-8 z ${GSSAPI_LIB}
    -Wl,--wrap=git_mbedtls_stream_global_init)
  target_compile_definitions(hookguard_git2 INTERFACE HOOKGUARD_LIBGIT2_STATIC=1)
else()
  target_link_libraries(hookguard_git2 INTERFACE PkgConfig::LIBGIT2)
endif()
