#pragma once

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
// A wizard page title in the size of a page heading (QWizard draws titles as rich text).
QString headingHtml(const QString &text);
// Adds "name: value" as a row of a facts grid; returns the value label.
QLabel *addFact(QGridLayout *grid, const QString &name, const QString &value = {});

// A UTC time shown in local time as "2026-03-01 08:30" (the form hospitals in China use in both languages).
QString formatDateTime(const QDateTime &utc, bool seconds = false);

// Re-applies the style sheet after a dynamic property changed.
void repolish(QWidget *widget);

} // namespace mdp::workbench
