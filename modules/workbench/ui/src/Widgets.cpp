#include "mdp/workbench/Widgets.h"

#include "mdp/workbench/Theme.h"

#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QInputMethodQueryEvent>
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

namespace {
// Answers an input method's questions about a password field without its text: a line edit would
// otherwise hand out copies (the text before the cursor, the selection) that are freed unwiped.
class HiddenTextQueries final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::InputMethodQuery)
            return false;
        auto *edit = qobject_cast<QLineEdit *>(watched);
        if (!edit || edit->echoMode() == QLineEdit::Normal)
            return false;
        auto *query = static_cast<QInputMethodQueryEvent *>(event);
        constexpr Qt::InputMethodQueries kText =
            Qt::ImSurroundingText | Qt::ImCurrentSelection | Qt::ImTextBeforeCursor | Qt::ImTextAfterCursor;
        for (quint32 bit = 1; bit != 0; bit <<= 1) {
            const auto one = Qt::InputMethodQuery(bit);
            if (!(query->queries() & one))
                continue;
            query->setValue(one, (kText & one) ? QVariant(QString()) : edit->inputMethodQuery(one));
        }
        query->accept();
        return true;
    }
};
} // namespace

void preparePasswordEdit(QLineEdit *edit)
{
    // A property, not findChild: the filter class has no meta-object of its own to find it by.
    static const char *const kPrepared = "mdpPasswordField";
    const bool first = !edit->property(kPrepared).toBool();
    if (first) {
        edit->setProperty(kPrepared, true);
        edit->installEventFilter(new HiddenTextQueries(edit));
    }
    // Twice the longest password the policy accepts, in UTF-16 units, plus what an input method
    // composes before it commits.
    constexpr qsizetype kRoom = 1024;
    if (first) {
        if (edit->echoMode() == QLineEdit::Normal) // later calls leave a revealed field revealed
            edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
    edit->setMaxLength(int(kRoom / 2));
    if (!edit->text().isEmpty())
        return;
    QString room;
    room.reserve(kRoom);
    edit->setText(room); // the edit now owns the reserved buffer, and its inserts stay in it
}

void wipePassword(QLineEdit *edit)
{
    QString typed = edit->text(); // shares the edit's buffer
    edit->clear();                // the edit lets go of it; `typed` is the last owner
    secureZero(typed);
    preparePasswordEdit(edit);
}

SecureBytes copyPassword(const QLineEdit *edit)
{
    QByteArray utf8 = edit->text().toUtf8(); // the text shares the field's buffer: no UTF-16 copy
    return SecureBytes::takeFrom(utf8);
}

SecureBytes takePassword(QLineEdit *edit)
{
    SecureBytes password = copyPassword(edit);
    wipePassword(edit);
    return password;
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
