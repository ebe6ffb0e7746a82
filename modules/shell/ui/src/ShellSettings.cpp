#include "mdp/shell/ShellSettings.h"

#include <QSettings>

#include <algorithm>

namespace mdp::shell {

namespace {
const QString languageKey = QStringLiteral("interface/language");
const QString autoLockKey = QStringLiteral("security/autoLockMinutes");
const QString lastWorkspaceKey = QStringLiteral("workspace/last");
} // namespace

ShellSettings::ShellSettings()
    : m_settings(new QSettings(QStringLiteral("MDP"), QStringLiteral("mdp-workstation")))
    , m_owned(true)
{}

ShellSettings::ShellSettings(QSettings *settings)
    : m_settings(settings)
    , m_owned(false)
{}

ShellSettings::~ShellSettings()
{
    if (m_owned)
        delete m_settings;
}

LanguageChoice ShellSettings::language() const
{
    const QString value = m_settings->value(languageKey).toString();
    if (value == u"zh_CN")
        return LanguageChoice::Chinese;
    if (value == u"en")
        return LanguageChoice::English;
    return LanguageChoice::System;
}

void ShellSettings::setLanguage(LanguageChoice choice)
{
    switch (choice) {
    case LanguageChoice::System:
        m_settings->remove(languageKey);
        break;
    case LanguageChoice::Chinese:
        m_settings->setValue(languageKey, QStringLiteral("zh_CN"));
        break;
    case LanguageChoice::English:
        m_settings->setValue(languageKey, QStringLiteral("en"));
        break;
    }
}

int ShellSettings::autoLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(autoLockKey, defaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, minAutoLockMinutes, maxAutoLockMinutes) : defaultAutoLockMinutes;
}

void ShellSettings::setAutoLockMinutes(int minutes)
{
    m_settings->setValue(autoLockKey, std::clamp(minutes, minAutoLockMinutes, maxAutoLockMinutes));
}

QByteArray ShellSettings::windowGeometry(const QString &accountId) const
{
    return m_settings->value(QStringLiteral("window/") + accountId).toByteArray();
}

void ShellSettings::setWindowGeometry(const QString &accountId, const QByteArray &geometry)
{
    if (!accountId.isEmpty())
        m_settings->setValue(QStringLiteral("window/") + accountId, geometry);
}

QString ShellSettings::lastWorkspace() const
{
    return m_settings->value(lastWorkspaceKey).toString();
}

void ShellSettings::setLastWorkspace(const QString &directory)
{
    m_settings->setValue(lastWorkspaceKey, directory);
}

} // namespace mdp::shell
