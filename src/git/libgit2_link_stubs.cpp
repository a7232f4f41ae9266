// Link-time stand-ins for the parts of libgit2 that hookguard never uses: it reads local
// repositories only, never fetches or pushes, so no TLS, SSH or Negotiate (Kerberos) transport
// runs. Linked with the static libgit2 archive only (cmake/Libgit2.cmake); each one removes
// start-up work that every hook run paid (../shared/notes/platform.md, bench/README.md).

#include <cstdint>

extern "C" {

// Debian's libgit2 parses the whole CA bundle for mbedTLS on git_libgit2_init() (8-13 ms per
// run), and initialises libssh2, which initialises OpenSSL: the link wraps both inits into no-ops.
int __wrap_git_mbedtls_stream_global_init(void) { return 0; }
int __wrap_git_transport_ssh_global_init(void) { return 0; }

#ifdef HOOKGUARD_GSSAPI_STUBS
// The HTTP transport's Negotiate authentication calls GSS-API. Debian has no static
// libgssapi_krb5, and the shared one loads seven libraries (krb5, k5crypto, com_err, ...) on every
// start. These fail every call with GSS_S_FAILURE, as a machine without Kerberos would; the
// argument types are reduced to what the C ABI passes (pointers and 32-bit integers).
using OM_uint32 = std::uint32_t;
constexpr OM_uint32 k_gss_failure = 13u << 16;  // GSS_S_FAILURE (RFC 2744)

void* GSS_C_NT_HOSTBASED_SERVICE = nullptr;
OM_uint32 gss_import_name(OM_uint32* minor, void*, void*, void*) { return *minor = 0, k_gss_failure; }
OM_uint32 gss_indicate_mechs(OM_uint32* minor, void*) { return *minor = 0, k_gss_failure; }
OM_uint32 gss_init_sec_context(OM_uint32* minor, void*, void*, void*, void*, OM_uint32, OM_uint32, void*, void*,
                               void*, void*, OM_uint32*, OM_uint32*) {
  return *minor = 0, k_gss_failure;
}
OM_uint32 gss_display_status(OM_uint32* minor, OM_uint32, int, void*, OM_uint32*, void*) {
  return *minor = 0, k_gss_failure;
}
OM_uint32 gss_delete_sec_context(OM_uint32* minor, void*, void*) { return *minor = 0, 0; }
OM_uint32 gss_release_buffer(OM_uint32* minor, void*) { return *minor = 0, 0; }
OM_uint32 gss_release_name(OM_uint32* minor, void*) { return *minor = 0, 0; }
OM_uint32 gss_release_oid_set(OM_uint32* minor, void*) { return *minor = 0, 0; }
#endif

}  // extern "C"
