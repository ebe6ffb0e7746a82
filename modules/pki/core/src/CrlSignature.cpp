#include "CrlSignature.h"

#include <QByteArray>

namespace mdp::pki::detail {

namespace {

// One DER element at `at`: its tag, where its content starts and how long it is (with the header:
// `total`). False when it runs past the end or uses a form DER does not allow.
struct Element
{
    unsigned char tag = 0;
    qsizetype contentStart = 0;
    qsizetype contentLength = 0;
    qsizetype total = 0;
};

bool readElement(const QByteArray &der, qsizetype at, Element *e)
{
    if (at + 2 > der.size())
        return false;
    e->tag = static_cast<unsigned char>(der.at(at));
    const auto first = static_cast<unsigned char>(der.at(at + 1));
    qsizetype length = 0;
    qsizetype header = 2;
    if (first < 0x80) {
        length = first;
    } else {
        const int octets = first & 0x7f;
        if (octets < 1 || octets > 3 || at + 2 + octets > der.size())
            return false;
        for (int i = 0; i < octets; ++i)
            length = (length << 8) | static_cast<unsigned char>(der.at(at + 2 + i));
        header += octets;
    }
    if (at + header + length > der.size())
        return false;
    e->contentStart = at + header;
    e->contentLength = length;
    e->total = header + length;
    return true;
}

QByteArray derOf(const QByteArray &pem)
{
    static const QByteArray begin = "-----BEGIN X509 CRL-----";
    static const QByteArray end = "-----END X509 CRL-----";
    const qsizetype b = pem.indexOf(begin);
    const qsizetype e = pem.indexOf(end);
    if (b < 0 || e < b)
        return {};
    return QByteArray::fromBase64(
        pem.mid(b + begin.size(), e - b - begin.size()).simplified().replace(' ', ""));
}

} // namespace

bool isCrlSignedBy(const crypto::RevocationList &list, const crypto::Certificate &ca)
{
    if (list.isSignedBy(ca))
        return true;
    if (list.isNull() || ca.isNull() || ca.publicKey().algorithm() != crypto::SignatureAlgorithm::Sm2)
        return false;
    // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }
    const QByteArray der = derOf(list.pem());
    Element outer, tbs, algorithm, signature;
    if (!readElement(der, 0, &outer) || outer.tag != 0x30 || outer.total != der.size() ||
        !readElement(der, outer.contentStart, &tbs) || tbs.tag != 0x30 ||
        !readElement(der, outer.contentStart + tbs.total, &algorithm) || algorithm.tag != 0x30 ||
        !readElement(der, outer.contentStart + tbs.total + algorithm.total, &signature) ||
        signature.tag != 0x03 || signature.contentLength < 2 || der.at(signature.contentStart) != 0)
        return false;
    const QByteArray signed_ = der.mid(outer.contentStart, tbs.total);
    const QByteArray value = der.mid(signature.contentStart + 1, signature.contentLength - 1);
    return ca.publicKey().verify(signed_, value);
}

} // namespace mdp::pki::detail
