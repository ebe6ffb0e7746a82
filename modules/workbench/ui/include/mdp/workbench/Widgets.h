#pragma once

#include "mdp/foundation/SecureBytes.h"

#include <QString>

class QDateTime;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;
class QVBoxLayout;
class QGridLayout;

namespace mdp::workbench {

enum class Severity
{
    None,
    Info,
    Success,
    Warning,
    Error
};

// Shows `text` in a message label styled by severity (see style/mdp.qss); hides it when empty.
void showMessage(QLabel *label, Severity severity, const QString &text);
QLabel *makeMessageLabel(QWidget *parent = nullptr);

QLabel *makeLabel(const QString &text, const QString &objectName, QWidget *parent = nullptr);
QFrame *makeCard(QWidget *parent = nullptr);
QVBoxLayout *cardLayout(QFrame *card, const QString &title = {});
QPushButton *makeAccentButton(const QString &text, QWidget *parent = nullptr);
// A title and a one-line description above a page.
QWidget *makePageHeader(const QString &title, const QString &subtitle, QWidget *parent = nullptr);
// A password field with an eye button that shows or hides what was typed.
void addRevealAction(QLineEdit *edit);
// Makes `edit` a password field whose characters can be wiped: echo hidden, input methods told it is
// sensitive (and answered without its text), and room for the longest
// password reserved up front so typing never moves the text and leaves earlier copies in freed memory.
// Call again after anything that replaced the edit's text.
void preparePasswordEdit(QLineEdit *edit);
// What was typed into a password field, as takePassword() gives it; the field is emptied and the
// characters it held are wiped (prepared again for the next entry).
SecureBytes takePassword(QLineEdit *edit);
// The same without emptying the field (a sign-in the dialog may retry); no copy of the characters
// is left outside the field's own buffer.
SecureBytes copyPassword(const QLineEdit *edit);
// Empties a password field, wiping what it held.
void wipePassword(QLineEdit *edit);
// A wizard page title in the size of a page heading (QWizard draws titles as rich text).
QString headingHtml(const QString &text);
// Adds "name: value" as a row of a facts grid; returns the value label.
QLabel *addFact(QGridLayout *grid, const QString &name, const QString &value = {});

// A UTC time shown in local time as "2026-03-01 08:30" (the form hospitals in China use in both languages).
QString formatDateTime(const QDateTime &utc, bool seconds = false);

// Re-applies the style sheet after a dynamic property changed.
void repolish(QWidget *widget);

} // namespace mdp::workbench
