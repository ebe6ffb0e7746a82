#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// A throw-away PKI made at test time with OpenSSL (EC P-256, valid for a day): a CA the client is
// told to trust, and server certificates for the test SMTP sink. Kept in memory; only the CA
// certificate (public) is written to a file, into the test's QTemporaryDir.
struct TestCertificates
{
    struct Identity
    {
        QByteArray certificatePem;
        QByteArray privateKeyPem;
    };

    QByteArray caPem;   // the CA the client trusts (MailSettings::caCertificate)
    Identity localhost; // "localhost" and 127.0.0.1, issued by that CA
    Identity wrongName; // "relay.other.invalid" only, issued by that CA
    Identity untrusted; // "localhost" and 127.0.0.1, issued by a CA nobody trusts

    static std::optional<TestCertificates> generate(QString *error);
};
