#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace mdp::shell {

// Interface language the user asked for; System follows QLocale::system().
enum class LanguageChoice
{
    System,
    Chinese,
    English
};

// The workstation's own preferences (QSettings, organisation "MDP", application "mdp-workstation").
// Holds nothing secret and no patient data.
class ShellSettings
{
public:
    ShellSettings();
    explicit ShellSettings(QSettings *settings); // not owned; tests pass an INI file
    ~ShellSettings();

    LanguageChoice language() const;
    void setLanguage(LanguageChoice choice);

    // Minutes without input before the workstation locks itself; 0 turns auto-lock off.
    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);

    // The main window's geometry per account (QWidget::saveGeometry); empty before the first close.
    QByteArray windowGeometry(const QString &accountId) const;
    void setWindowGeometry(const QString &accountId, const QByteArray &geometry);

    QString lastWorkspace() const;
    void setLastWorkspace(const QString &directory);

    static constexpr int defaultAutoLockMinutes = 10;
    // The security policy's bounds (issue 9): a person chooses within them; a settings file asking for
    // less, more or "never" is read as the nearest bound. Auto-lock cannot be turned off.
    static constexpr int minAutoLockMinutes = 1;
    static constexpr int maxAutoLockMinutes = 30;

private:
    QSettings *m_settings;
    bool m_owned;
};

} // namespace mdp::shell
