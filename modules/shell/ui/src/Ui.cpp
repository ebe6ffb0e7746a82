#include "Ui.h"

#include "mdp/shell/Theme.h"

#include <QAction>
#include <QCoreApplication>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mdp::shell::ui {

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

void showMessage(QLabel *label, Severity severity, const QString &text)
{
    const char *name = "";
    switch (severity) {
    case Severity::None:
        break;
    case Severity::Info:
        name = "info";
        break;
    case Severity::Success:
        name = "success";
        break;
    case Severity::Warning:
        name = "warning";
        break;
    case Severity::Error:
        name = "error";
        break;
    }
    label->setProperty("severity", QString::fromLatin1(name));
    label->setText(text);
    label->setVisible(!text.isEmpty());
    repolish(label);
}

QLabel *makeMessageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("messageLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLabel *makeLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

QFrame *makeCard(QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("card"));
    return card;
}

QVBoxLayout *cardLayout(QFrame *card, const QString &title)
{
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(18, 16, 18, 16);
    layout->setSpacing(10);
    if (!title.isEmpty())
        layout->addWidget(makeLabel(title, QStringLiteral("sectionTitle"), card));
    return layout;
}

QPushButton *makeAccentButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setProperty("accent", true);
    return button;
}

QWidget *makePageHeader(const QString &title, const QString &subtitle, QWidget *parent)
{
    auto *header = new QWidget(parent);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->setSpacing(2);
    layout->addWidget(makeLabel(title, QStringLiteral("pageTitle"), header));
    if (!subtitle.isEmpty())
        layout->addWidget(makeLabel(subtitle, QStringLiteral("pageSubtitle"), header));
    return header;
}

void addRevealAction(QLineEdit *edit)
{
    QAction *reveal = edit->addAction(Theme::icon(QStringLiteral("eye"), Theme::muted()), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(QCoreApplication::translate("mdp::shell::ui", "Show the characters typed"));
    QObject::connect(reveal, &QAction::toggled, edit, [edit, reveal](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(Theme::icon(shown ? QStringLiteral("eye-off") : QStringLiteral("eye"), Theme::muted()));
    });
}

QLabel *addFact(QGridLayout *grid, const QString &name, const QString &value)
{
    const int row = grid->rowCount();
    auto *nameLabel = makeLabel(name, QStringLiteral("factName"));
    nameLabel->setWordWrap(false);
    auto *valueLabel = makeLabel(value, QStringLiteral("factValue"));
    valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(nameLabel, row, 0, Qt::AlignTop);
    grid->addWidget(valueLabel, row, 1);
    return valueLabel;
}

} // namespace mdp::shell::ui
