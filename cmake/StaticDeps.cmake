# Start-up is most of a pre-commit hook's time (../shared/notes/platform.md): every shared object
# costs the dynamic loader relocations, symbol look-ups and page faults. Debian ships static
# archives of every dependency but fmt (header-only mode instead) and gssapi_krb5 (see
# Libgit2.cmake), so the release build links them and libstdc++ statically: a PIE binary still,
# so ASLR is kept. Measured on the typical pre-commit: 36.9 -> 27.5 ms wall, 1,030 -> 840 page
# faults (bench/README.md). Each archive falls back to the shared library when it is missing.
option(HOOKGUARD_STATIC_DEPS "Link re2, Hyperscan, yaml-cpp, libgit2's chain and libstdc++ statically" ON)
if(HOOKGUARD_SANITIZE)
  # Sanitizer and fuzz builds test hookguard's code, not its link: keep them on shared libraries.
  set(HOOKGUARD_STATIC_DEPS OFF)
endif()

# hookguard_static_or_shared(OUT ARCHIVE FALLBACK): OUT is the archive's path when static
# linking is on and it exists, else FALLBACK (a target or library name).
function(hookguard_static_or_shared out archive fallback)
  set(found "")
  if(HOOKGUARD_STATIC_DEPS)
    find_library(HOOKGUARD_ARCHIVE_${archive} NAMES ${archive})
    set(found ${HOOKGUARD_ARCHIVE_${archive}})
  endif()
  if(found)
    set(${out} ${found} PARENT_SCOPE)
  else()
    set(${out} ${fallback} PARENT_SCOPE)
  endif()
endfunction()

add_library(hookguard_deps INTERFACE)
hookguard_static_or_shared(re2_lib libre2.a PkgConfig::RE2)
hookguard_static_or_shared(yaml_lib libyaml-cpp.a yaml-cpp)
target_include_directories(hookguard_deps INTERFACE ${RE2_INCLUDE_DIRS})
get_target_property(yaml_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
if(yaml_includes)
  target_include_directories(hookguard_deps INTERFACE ${yaml_includes})
endif()
target_link_libraries(hookguard_deps INTERFACE ${re2_lib} ${yaml_lib} Threads::Threads)
if(HOOKGUARD_WITH_HYPERSCAN)
  hookguard_static_or_shared(hs_lib libhs.a PkgConfig::HS)
  target_include_directories(hookguard_deps INTERFACE ${HS_INCLUDE_DIRS})
  target_link_libraries(hookguard_deps INTERFACE ${hs_lib})
endif()
if(HOOKGUARD_STATIC_DEPS)
  target_link_libraries(hookguard_deps INTERFACE fmt::fmt-header-only -static-libstdc++ -static-libgcc)
else()
  target_link_libraries(hookguard_deps INTERFACE fmt::fmt)
endif()

# Compact relative relocations (glibc >= 2.36, binutils >= 2.38): a PIE with the archives above
# has ~27,000 of them; the table shrinks from 630 KB to 8 KB and start-up reads fewer pages.
include(CheckLinkerFlag)
check_linker_flag(CXX "-Wl,-z,pack-relative-relocs" HOOKGUARD_HAVE_RELR)
if(HOOKGUARD_HAVE_RELR AND NOT HOOKGUARD_SANITIZE)
  target_link_options(hookguard_deps INTERFACE -Wl,-z,pack-relative-relocs)
endif()
