#pragma once

#include "mdp/crypto/Certificate.h"

namespace mdp::pki::detail {

// Whether `ca` signed `list`. RevocationList::isSignedBy first; for an SM2 CA, whose lists OpenSSL
// 3.0 does not verify (X509_CRL_verify passes no SM2 distinguishing ID), the signature over the
// TBSCertList is checked here with the CA's public key (SM3, default ID), as it was made.
bool isCrlSignedBy(const crypto::RevocationList &list, const crypto::Certificate &ca);

} // namespace mdp::pki::detail
