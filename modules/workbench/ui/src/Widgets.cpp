#include "mdp/workbench/Widgets.h"

#include "mdp/workbench/Theme.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mdp::workbench {

QString formatDateTime(const QDateTime &utc, bool seconds)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                              : QStringLiteral("yyyy-MM-dd HH:mm"));
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

void showMessage(QLabel *label, Severity severity, const QString &text)
{
    // Every severity has the same box (padding, border), so switching keeps the layout; "none" only
    // hides the label.
    const char *name = nullptr;
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
    if (name && label->property("severity").toString() != QLatin1String(name)) {
        label->setProperty("severity", QString::fromLatin1(name));
        repolish(label);
    }
    label->setText(name ? text : QString());
    label->setVisible(name && !text.isEmpty());
}

QLabel *makeMessageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("messageLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setProperty("severity", QStringLiteral("info"));
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
    QAction *reveal =
        edit->addAction(Theme::icon(QStringLiteral("eye"), Theme::muted()), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(QCoreApplication::translate("mdp::workbench::ui", "Show the characters typed"));
    QObject::connect(reveal, &QAction::toggled, edit, [edit, reveal](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(
            Theme::icon(shown ? QStringLiteral("eye-off") : QStringLiteral("eye"), Theme::muted()));
    });
}

QString headingHtml(const QString &text)
{
    return QStringLiteral("<span style=\"font-size:14pt; font-weight:600; color:#10263b\">%1</span>")
        .arg(text.toHtmlEscaped());
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

} // namespace mdp::workbench
