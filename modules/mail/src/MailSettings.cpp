#include "mdp/mail/MailSettings.h"

#include "MailLogging.h"
#include "mdp/store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::mail {

namespace {

QString key()
{
    return QString::fromLatin1(MailSettings::settingsKey);
}

std::optional<MailSecurity> securityFromId(const QString &id)
{
    if (id == u"starttls")
        return MailSecurity::StartTls;
    if (id == u"implicit-tls")
        return MailSecurity::ImplicitTls;
    return std::nullopt;
}

} // namespace

QString mailSecurityId(MailSecurity security)
{
    switch (security) {
    case MailSecurity::StartTls:
        return QStringLiteral("starttls");
    case MailSecurity::ImplicitTls:
        return QStringLiteral("implicit-tls");
    }
    return {};
}

bool isPlainMailAddress(const QString &address)
{
    if (address.size() < 3 || address.size() > 254)
        return false;
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1)
        return false;
    for (const QChar c : address) {
        // Anything that could end the envelope argument or start a new header or command.
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == u'<' || c == u'>' || c == u',' || c == u';' ||
            c == u'"' || c == u'\\' || c == u'(' || c == u')')
            return false;
    }
    return address.indexOf(u'@') == at;
}

Result<void> MailSettings::validate() const
{
    if (host.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: the relay host is empty"));
    if (host.contains(u' ') || host.contains(u'\r') || host.contains(u'\n'))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: the relay host is not a name"));
    if (port < 1 || port > 65535)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: port %1 is outside 1-65535").arg(port));
    if (!isPlainMailAddress(fromAddress))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: the sender address is not a plain e-mail address"));
    if (connectTimeoutMs <= 0 || replyTimeoutMs <= 0)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: timeouts must be positive"));
    if (username.isEmpty() && !password.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: a password is set without a user name"));
    if (username.contains(QChar(0)) || password.view().contains('\0'))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("mail settings: user name or password contains a NUL character"));
    return {};
}

QString MailSettings::describe() const
{
    return QStringLiteral("%1:%2 (%3%4)")
        .arg(host)
        .arg(port)
        .arg(mailSecurityId(security), username.isEmpty() ? QString() : QStringLiteral(", with AUTH"));
}

Result<MailSettings> MailSettings::load(store::Database &database)
{
    auto row = database.queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = ?1"), {key()});
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(Error::Code::NotFound, QStringLiteral("no mail settings are configured"));
    QByteArray json = (**row).value(0).toString().toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    secureZero(json);
    if (!document.isObject())
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the stored mail settings are not a JSON object"));
    const QJsonObject object = document.object();

    MailSettings settings;
    settings.host = object.value(u"host").toString();
    settings.port = object.value(u"port").toInt(587);
    const auto security = securityFromId(object.value(u"security").toString());
    if (!security)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the stored mail settings name an unknown security"));
    settings.security = *security;
    settings.username = object.value(u"username").toString();
    QByteArray password = object.value(u"password").toString().toUtf8();
    settings.password = SecureBytes::takeFrom(password);
    settings.fromAddress = object.value(u"from").toString();
    settings.caCertificate = object.value(u"caCertificate").toString();
    settings.connectTimeoutMs = object.value(u"connectTimeoutMs").toInt(settings.connectTimeoutMs);
    settings.replyTimeoutMs = object.value(u"replyTimeoutMs").toInt(settings.replyTimeoutMs);
    return settings;
}

Result<void> MailSettings::save(store::Database &database) const
{
    if (auto valid = validate(); !valid)
        return valid;
    QJsonObject object;
    object.insert(u"host", host);
    object.insert(u"port", port);
    object.insert(u"security", mailSecurityId(security));
    object.insert(u"username", username);
    // The JSON copies of the password cannot all be wiped (QString/QJsonValue); the encoded bytes
    // handed to the database are.
    object.insert(u"password", QString::fromUtf8(password.view()));
    object.insert(u"from", fromAddress);
    object.insert(u"caCertificate", caCertificate);
    object.insert(u"connectTimeoutMs", connectTimeoutMs);
    object.insert(u"replyTimeoutMs", replyTimeoutMs);
    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(json);
    secureZero(json);

    auto written = database.transaction([&]() -> Result<void> {
        auto changed = database.execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES (?1, ?2)"), {key(), text});
        if (!changed)
            return changed.error();
        return {};
    });
    if (!written)
        return makeError(
            written.error().code,
            QStringLiteral("could not store the mail settings: %1").arg(written.error().message));
    qCInfo(lcMail) << "mail relay settings saved:" << describe();
    return {};
}

} // namespace mdp::mail
