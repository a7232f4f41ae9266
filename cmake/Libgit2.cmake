# libgit2: Debian's build initialises mbedTLS on git_libgit2_init(), parsing the whole CA bundle
# (8-13 ms per hook run), and libssh2 (which initialises OpenSSL). hookguard only reads local
# repositories, so it links the static archive and wraps those inits away
# (src/git/libgit2_link_stubs.cpp, ../shared/notes/platform.md). With HOOKGUARD_STATIC_DEPS the
# archive's own dependencies are static too and GSS-API is stubbed (no static libgssapi_krb5).
# Falls back to the shared library when the archive is missing.
find_library(LIBGIT2_STATIC_ARCHIVE NAMES libgit2.a PATHS ${LIBGIT2_LIBRARY_DIRS} NO_DEFAULT_PATH)
if(NOT LIBGIT2_STATIC_ARCHIVE)
  find_library(LIBGIT2_STATIC_ARCHIVE NAMES libgit2.a)
endif()
add_library(hookguard_git2 INTERFACE)
target_include_directories(hookguard_git2 INTERFACE ${LIBGIT2_INCLUDE_DIRS})
if(LIBGIT2_STATIC_ARCHIVE)
  set(git2_deps "")
  foreach(lib mbedtls mbedx509 mbedcrypto ssh2 crypto http_parser pcre2-8 z)
    hookguard_static_or_shared(path lib${lib}.a ${lib})
    list(APPEND git2_deps ${path})
  endforeach()
  if(NOT HOOKGUARD_STATIC_DEPS)
    find_library(GSSAPI_LIB NAMES gssapi_krb5 libgssapi_krb5.so.2)
    list(APPEND git2_deps ${GSSAPI_LIB})
  endif()
  # The stubs come after the archives on the link line, where their symbols are still undefined.
  add_library(hookguard_git2_stubs STATIC src/git/libgit2_link_stubs.cpp)
  if(HOOKGUARD_STATIC_DEPS)
    target_compile_definitions(hookguard_git2_stubs PRIVATE HOOKGUARD_GSSAPI_STUBS=1)
  endif()
  target_link_libraries(hookguard_git2 INTERFACE ${LIBGIT2_STATIC_ARCHIVE} ${git2_deps} hookguard_git2_stubs
    -Wl,--wrap=git_mbedtls_stream_global_init -Wl,--wrap=git_transport_ssh_global_init)
else()
  target_link_libraries(hookguard_git2 INTERFACE PkgConfig::LIBGIT2)
endif()
