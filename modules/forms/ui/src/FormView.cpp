#include "mdp/forms/ui/FormView.h"

#include "FieldEditCommand.h"
#include "OptionalValueEditors.h"
#include "mdp/forms/RecordDiff.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace mdp::forms::ui {

namespace {

const char *const StyleSheet = R"(
QFrame#formSection { background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }
QLabel#formSectionTitle { font-size: 11.5pt; font-weight: 600; color: #10263b; }
QFrame#formSectionRule { background: #e6ebf0; border: none; min-height: 1px; max-height: 1px; }
QLabel#fieldLabel { color: #3e4c59; }
QLabel#fieldHelp { color: #6b7785; font-size: 9pt; }
QLabel#groupHeader { color: #5f6b7a; font-size: 9pt; font-weight: 600; }
QLabel#groupRowNumber { color: #8a96a3; font-size: 9pt; }
QLabel#groupEmpty { color: #8a96a3; font-style: italic; }
QLabel[fieldMessage="true"] { background: transparent; border: none; padding: 0px; font-size: 9pt; }
QLabel[fieldMessage="true"][severity="error"] { color: #c62828; }
QLabel[fieldMessage="true"][severity="warning"] { color: #9a5b00; }
QLabel#formSummary { border-radius: 6px; padding: 8px 12px; }
QLabel#formSummary[severity="error"] { background: #fdecec; border: 1px solid #f3c1c1; color: #9b1c1c; }
QLabel#formSummary[severity="warning"] { background: #fff6e5; border: 1px solid #f1d49a; color: #7a4b00; }
QDoubleSpinBox { background: #ffffff; border: 1px solid #c5ced8; border-radius: 5px; padding: 5px 8px;
    min-height: 20px; }
QDoubleSpinBox:focus { border: 1px solid #1d6fb8; }
QDoubleSpinBox::up-button, QDoubleSpinBox::down-button { subcontrol-origin: border; width: 20px; border: none; }
QDoubleSpinBox::up-button { subcontrol-position: top right; }
QDoubleSpinBox::down-button { subcontrol-position: bottom right; }
QDoubleSpinBox::up-arrow { image: url(:/mdp/icons/chevron-up.svg); width: 10px; height: 10px; }
QDoubleSpinBox::down-arrow { image: url(:/mdp/icons/chevron-down.svg); width: 10px; height: 10px; }
QSpinBox:read-only, QDoubleSpinBox:read-only, QDateEdit:read-only { background: #f4f6f8; color: #3e4c59; }
QComboBox:disabled, QCheckBox:disabled { color: #3e4c59; }
QLineEdit[severity="error"], QSpinBox[severity="error"], QDoubleSpinBox[severity="error"],
QDateEdit[severity="error"], QComboBox[severity="error"] { border: 1px solid #c62828; background: #fffafa; }
QLineEdit[severity="warning"], QSpinBox[severity="warning"], QDoubleSpinBox[severity="warning"],
QDateEdit[severity="warning"], QComboBox[severity="warning"] { border: 1px solid #e0a030; }
QLineEdit[calculated="true"] { background: #f1f6fb; color: #14456f; font-weight: 600; border-style: dashed; }
QToolButton#removeRowButton, QToolButton#clearDateButton { border: none; color: #8a96a3; font-size: 12pt;
    padding: 0px 4px; }
QToolButton#removeRowButton:hover, QToolButton#clearDateButton:hover { color: #c62828; }
QFrame[groupTable="true"] { background: #f8fafc; border: 1px solid #e1e6ec; border-radius: 6px; }
QPushButton[addRow="true"] { border: 1px dashed #aab6c3; background: transparent; color: #1d6fb8;
    padding: 4px 12px; }
QPushButton[addRow="true"]:hover { background: #eaf3fb; }
QCheckBox { spacing: 6px; }
)";

// Widths that keep the form calm: editors of one kind line up under each other.
int editorWidth(FieldType type, bool inGroup)
{
    switch (type) {
    case FieldType::Integer:
        return inGroup ? 104 : 150;
    case FieldType::Decimal:
        return inGroup ? 124 : 170;
    case FieldType::Date:
        return inGroup ? 140 : 150;
    case FieldType::Choice:
    case FieldType::Code:
        return inGroup ? 170 : 300;
    case FieldType::File:
        return inGroup ? 190 : 320;
    case FieldType::Text:
        return inGroup ? 170 : 360;
    case FieldType::MultiChoice:
    case FieldType::Group:
        return 0;
    }
    return 200;
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

void setSeverity(QWidget *widget, const char *severity)
{
    const QString value = QString::fromLatin1(severity);
    if (widget->property("severity").toString() == value)
        return;
    widget->setProperty("severity", value);
    repolish(widget);
}

const QRegularExpression &cellPath()
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z][A-Za-z0-9_]*)\\[(\\d+)\\]\\.([A-Za-z][A-Za-z0-9_]*)$"));
    return re;
}

} // namespace

FormView::FormView(QWidget *parent)
    : QWidget(parent)
    , m_today(QDate::currentDate())
    , m_undo(new QUndoStack(this))
    , m_summary(new QLabel(this))
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("formView"));
    setStyleSheet(QString::fromLatin1(StyleSheet));
    m_summary->setObjectName(QStringLiteral("formSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();
    m_scroll->setObjectName(QStringLiteral("formScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_scroll, 1);

    // For focus outside the editors (the editors route the keys themselves, see eventFilter).
    auto *undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    auto *redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
}

FormView::~FormView() = default;

QString FormView::text(const LocalizedText &t) const
{
    return t.text(m_language);
}

void FormView::setDefinition(const FormDefinition &definition, const QString &language)
{
    m_definition = definition;
    m_language = language;
    m_validator = std::make_unique<Validator>(m_definition);
    m_values = {};
    m_computed = {};
    m_mode = Validator::Mode::Draft;
    m_external.reset();
    m_undo->clear();
    m_conditions.clear();
    QStringList known;
    for (const FieldDefinition *f : m_definition.fields()) {
        known << f->id;
        for (const FieldDefinition &member : f->fields)
            known << f->id + QLatin1Char('.') + member.id;
    }
    for (const FieldDefinition *f : m_definition.fields()) {
        if (f->visibleIf.isEmpty())
            continue;
        // The definition was checked when it was parsed; a condition that still fails shows the field.
        if (auto expression = Expression::parse(f->visibleIf, known))
            m_conditions.insert(f->id, expression.value());
    }
    rebuild();
    refresh();
}

void FormView::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (!m_validator)
        return;
    rebuild();
    refresh();
}

void FormView::setToday(QDate today)
{
    m_today = today;
    if (m_validator)
        refresh();
}

void FormView::setAttachments(const QList<AttachmentChoice> &attachments)
{
    m_attachments = attachments;
    if (m_validator) {
        rebuild();
        refresh();
    }
}

void FormView::rebuild()
{
    m_bindings.clear();
    m_groups.clear();
    m_fieldLabels.clear();
    m_visible.clear();
    const int scrollPosition = m_scroll->verticalScrollBar()->value();
    // Taken out first: the scroll area would otherwise delete it when the new one is set, and
    // findChild() must not see the old editors.
    if (QWidget *old = m_scroll->takeWidget())
        delete old;
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("formContent"));
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(2, 2, 14, 12);
    layout->setSpacing(14);

    if (!m_definition.description.isEmpty()) {
        auto *description = new QLabel(text(m_definition.description), m_content);
        description->setObjectName(QStringLiteral("formDescription"));
        description->setWordWrap(true);
        description->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        layout->addWidget(description);
    }

    for (const SectionDefinition &section : std::as_const(m_definition.sections)) {
        auto *card = new QFrame(m_content);
        card->setObjectName(QStringLiteral("formSection"));
        card->setProperty("sectionId", section.id);
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(20, 14, 20, 16);
        cardLayout->setSpacing(10);
        auto *title = new QLabel(text(section.title), card);
        title->setObjectName(QStringLiteral("formSectionTitle"));
        cardLayout->addWidget(title);
        auto *rule = new QFrame(card);
        rule->setObjectName(QStringLiteral("formSectionRule"));
        cardLayout->addWidget(rule);
        for (const FieldDefinition &field : section.fields)
            cardLayout->addWidget(buildField(field, card));
        layout->addWidget(card);
    }
    layout->addStretch(1);
    m_scroll->setWidget(m_content);
    alignLabels();
    m_applying = true;
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        if (!m_groups.contains(it.key()))
            it->write(storedValue(it->path));
        it->setReadOnly(m_readOnly || !it->field->calculate.isEmpty());
    }
    const QStringList groups = m_groups.keys();
    for (const QString &group : groups)
        rebuildGroupRows(group);
    m_applying = false;
    m_scroll->verticalScrollBar()->setValue(scrollPosition);
}

void FormView::alignLabels()
{
    // One label column for the whole form, as wide as the widest label up to a limit (longer ones wrap).
    int width = 120;
    for (QLabel *label : std::as_const(m_fieldLabels))
        width = std::max(width, std::min(label->sizeHint().width(), 260));
    for (QLabel *label : std::as_const(m_fieldLabels))
        label->setFixedWidth(width);
}

QWidget *FormView::buildField(const FieldDefinition &field, QWidget *parent)
{
    auto *row = new QWidget(parent);
    row->setObjectName(QStringLiteral("row_") + field.id);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(16);

    auto *label = new QLabel(row);
    label->setObjectName(QStringLiteral("fieldLabel"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    // Lines the label's text up with the text inside the editor beside it.
    label->setContentsMargins(0, 7, 0, 0);
    QString caption = text(field.label).toHtmlEscaped();
    if (field.required && field.calculate.isEmpty())
        caption += QStringLiteral("<span style=\"color:#c62828\">&nbsp;*</span>");
    label->setText(caption);
    if (!field.help.isEmpty())
        label->setToolTip(text(field.help));
    m_fieldLabels << label;
    rowLayout->addWidget(label, 0, Qt::AlignTop);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(3);
    auto *message = new QLabel(row);
    message->setObjectName(QStringLiteral("message_") + field.id);
    message->setProperty("fieldMessage", true);
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->hide();

    if (field.type == FieldType::Group && field.calculate.isEmpty()) {
        Group group;
        group.field = &field;
        auto *table = new QFrame(row);
        table->setObjectName(QStringLiteral("field_") + field.id);
        table->setProperty("groupTable", true);
        auto *tableLayout = new QVBoxLayout(table);
        tableLayout->setContentsMargins(10, 8, 10, 8);
        tableLayout->setSpacing(4);
        auto *header = new QHBoxLayout;
        header->setSpacing(8);
        auto *numberHeader = new QLabel(QStringLiteral("#"), table);
        numberHeader->setObjectName(QStringLiteral("groupHeader"));
        numberHeader->setFixedWidth(22);
        header->addWidget(numberHeader);
        for (const FieldDefinition &member : field.fields) {
            QString heading = text(member.label);
            if (member.required && member.calculate.isEmpty())
                heading += QStringLiteral(" *");
            auto *h = new QLabel(heading, table);
            h->setObjectName(QStringLiteral("groupHeader"));
            if (!member.help.isEmpty())
                h->setToolTip(text(member.help));
            const int w = editorWidth(member.type, true);
            if (w > 0)
                h->setFixedWidth(w);
            header->addWidget(h);
        }
        header->addStretch(1);
        tableLayout->addLayout(header);
        group.rowsHost = table;
        group.rowsLayout = new QVBoxLayout;
        group.rowsLayout->setSpacing(4);
        tableLayout->addLayout(group.rowsLayout);
        group.empty = new QLabel(tr("No rows yet."), table);
        group.empty->setObjectName(QStringLiteral("groupEmpty"));
        tableLayout->addWidget(group.empty);
        auto *add = new QPushButton(tr("+ Add row"), table);
        add->setObjectName(QStringLiteral("addRow_") + field.id);
        add->setProperty("addRow", true);
        add->setAutoDefault(false);
        add->setCursor(Qt::PointingHandCursor);
        const QString id = field.id;
        connect(add, &QPushButton::clicked, this, [this, id] { addRow(id); });
        auto *addLine = new QHBoxLayout;
        addLine->addWidget(add);
        addLine->addStretch(1);
        tableLayout->addLayout(addLine);
        group.addButton = add;
        m_groups.insert(field.id, group);

        Binding binding;
        binding.path = field.id;
        binding.field = &field;
        binding.editor = table;
        binding.widget = table;
        binding.write = [](const QJsonValue &) {};
        binding.setReadOnly = [add](bool readOnly) { add->setVisible(!readOnly); };
        binding.row = row;
        binding.label = label;
        binding.message = message;
        m_bindings.insert(field.id, binding);
        body->addWidget(table);
        body->addWidget(message);
    } else {
        Binding binding = makeEditor(field, field.id, row);
        binding.row = row;
        binding.label = label;
        binding.message = message;
        auto *line = new QHBoxLayout;
        line->setSpacing(12);
        line->addWidget(binding.widget, 0, Qt::AlignTop | Qt::AlignLeft);
        message->setMinimumWidth(180);
        line->addWidget(message, 10, Qt::AlignVCenter | Qt::AlignLeft);
        // Keeps the editor at the label column when no message is shown.
        line->addStretch(1);
        body->addLayout(line);
        m_bindings.insert(field.id, binding);
    }
    if (!field.help.isEmpty()) {
        auto *help = new QLabel(text(field.help), row);
        help->setObjectName(QStringLiteral("fieldHelp"));
        help->setWordWrap(true);
        body->addWidget(help);
    }
    rowLayout->addLayout(body, 1);
    return row;
}

FormView::Binding FormView::makeEditor(const FieldDefinition &field, const QString &path, QWidget *parent)
{
    Binding b;
    b.path = path;
    b.field = &field;
    const bool inGroup = path.contains(QLatin1Char('['));
    const QString name = QStringLiteral("field_") + path;
    const QString tip = text(field.help);

    if (!field.calculate.isEmpty()) {
        // Calculated fields of any type show their value as people read it.
        auto *edit = new QLineEdit(parent);
        edit->setReadOnly(true);
        edit->setFocusPolicy(Qt::NoFocus);
        edit->setProperty("calculated", true);
        edit->setPlaceholderText(tr("calculated"));
        edit->setToolTip(tip.isEmpty() ? tr("Calculated from other fields") : tip);
        const int w = editorWidth(field.type, inGroup);
        edit->setFixedWidth(w > 0 ? w : 200);
        edit->setObjectName(name);
        const FieldDefinition *f = &field;
        b.editor = edit;
        b.widget = edit;
        b.write = [this, edit, f](const QJsonValue &v) {
            edit->setText(v.isUndefined() || v.isNull() ? QString() : displayValue(*f, v, m_language));
        };
        b.setReadOnly = [](bool) {};
        return b;
    }

    switch (field.type) {
    case FieldType::Text: {
        auto *edit = new QLineEdit(parent);
        if (field.maxLength > 0)
            edit->setMaxLength(field.maxLength);
        if (!field.patternHint.isEmpty())
            edit->setPlaceholderText(text(field.patternHint));
        connect(edit, &QLineEdit::textEdited, this,
                [this, path](const QString &s) { edited(path, s.isEmpty() ? QJsonValue() : QJsonValue(s)); });
        b.write = [edit](const QJsonValue &v) {
            const QString s =
                v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toDouble()) : QString());
            if (edit->text() != s)
                edit->setText(s);
        };
        b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
        b.editor = edit;
        b.focusables << edit;
        break;
    }
    case FieldType::Integer: {
        auto *spin = new OptionalSpinBox(parent);
        if (!field.unit.isEmpty())
            spin->setSuffix(QLatin1Char(' ') + field.unit);
        double start = 0;
        if (field.minimum && *field.minimum > 0)
            start = *field.minimum;
        if (field.maximum && start > *field.maximum)
            start = *field.maximum;
        spin->setStart(int(start));
        connect(spin, &QSpinBox::valueChanged, this, [this, path, spin](int v) {
            if (!m_applying)
                edited(path, spin->isEmpty() ? QJsonValue() : QJsonValue(v));
        });
        b.write = [spin](const QJsonValue &v) {
            const QSignalBlocker block(spin);
            spin->setValue(v.isDouble() ? int(std::lround(v.toDouble())) : OptionalSpinBox::Empty);
        };
        b.setReadOnly = [spin](bool ro) {
            spin->setReadOnly(ro);
            spin->setButtonSymbols(ro ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
        };
        b.editor = spin;
        b.focusables << spin << spin->findChild<QLineEdit *>();
        break;
    }
    case FieldType::Decimal: {
        auto *spin = new OptionalDoubleSpinBox(parent);
        spin->setDecimals(std::clamp(field.decimals, 0, 6));
        spin->setSingleStep(field.decimals > 0 ? 0.1 : 1.0);
        if (!field.unit.isEmpty())
            spin->setSuffix(QLatin1Char(' ') + field.unit);
        double start = 0;
        if (field.minimum && *field.minimum > 0)
            start = *field.minimum;
        if (field.maximum && start > *field.maximum)
            start = *field.maximum;
        spin->setStart(start);
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, path, spin](double v) {
            if (!m_applying)
                edited(path, spin->isEmpty() ? QJsonValue() : QJsonValue(v));
        });
        b.write = [spin](const QJsonValue &v) {
            const QSignalBlocker block(spin);
            spin->setValue(v.isDouble() ? v.toDouble() : OptionalDoubleSpinBox::Empty);
        };
        b.setReadOnly = [spin](bool ro) {
            spin->setReadOnly(ro);
            spin->setButtonSymbols(ro ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
        };
        b.editor = spin;
        b.focusables << spin << spin->findChild<QLineEdit *>();
        break;
    }
    case FieldType::Date: {
        // A date box and a small clear button; the box carries the name, the host goes into the layout.
        auto *host = new QWidget(parent);
        auto *line = new QHBoxLayout(host);
        line->setContentsMargins(0, 0, 0, 0);
        line->setSpacing(2);
        auto *date = new OptionalDateEdit(host);
        date->setStart(m_today);
        auto *clear = new QToolButton(host);
        clear->setObjectName(QStringLiteral("clearDateButton"));
        clear->setText(QStringLiteral("×"));
        clear->setToolTip(tr("Clear the date"));
        clear->setCursor(Qt::PointingHandCursor);
        line->addWidget(date, 1);
        line->addWidget(clear);
        connect(date, &QDateEdit::dateChanged, this, [this, path, date](QDate d) {
            if (!m_applying)
                edited(path, date->isEmpty() ? QJsonValue() : QJsonValue(d.toString(Qt::ISODate)));
        });
        connect(clear, &QToolButton::clicked, this, [date] { date->setDate(OptionalDateEdit::emptyDate()); });
        b.write = [date](const QJsonValue &v) {
            const QSignalBlocker block(date);
            const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
            date->setDate(d.isValid() ? d : OptionalDateEdit::emptyDate());
        };
        b.setReadOnly = [date, clear](bool ro) {
            date->setReadOnly(ro);
            date->setButtonSymbols(ro ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
            clear->setVisible(!ro);
        };
        host->setFixedWidth(editorWidth(field.type, inGroup) + 26);
        b.editor = date;
        b.widget = host;
        b.focusables << date << date->findChild<QLineEdit *>();
        break;
    }
    case FieldType::Choice:
    case FieldType::Code:
    case FieldType::File: {
        auto *combo = new QComboBox(parent);
        combo->addItem(QStringLiteral("—"));
        if (field.type == FieldType::Choice) {
            for (const ChoiceOption &option : field.options)
                combo->addItem(text(option.label), option.code);
        } else if (field.type == FieldType::Code) {
            for (const QString &code : field.allowedCodes) {
                const QString label = field.codeLabel(code, m_language);
                combo->addItem(label == code ? code : QStringLiteral("%1 (%2)").arg(label, code), code);
            }
            // Without a list of allowed codes any code of the system may be typed.
            if (field.allowedCodes.isEmpty()) {
                combo->setEditable(true);
                combo->setInsertPolicy(QComboBox::NoInsert);
                combo->lineEdit()->setPlaceholderText(field.codeSystem);
            }
        } else {
            for (const AttachmentChoice &a : std::as_const(m_attachments))
                combo->addItem(a.name, a.id);
        }
        QString comboTip = tip;
        if (!field.codeSystem.isEmpty())
            comboTip = field.codeSystem + (tip.isEmpty() ? QString() : QStringLiteral(": ") + tip);
        if (field.type == FieldType::File && m_attachments.isEmpty())
            comboTip = tr("The event has no files to refer to.");
        combo->setToolTip(comboTip);
        auto currentValue = [combo]() -> QJsonValue {
            const int i = combo->currentIndex();
            if (combo->isEditable()) {
                const QString typed = combo->currentText().trimmed();
                if (i > 0 && combo->itemText(i) == combo->currentText())
                    return QJsonValue(combo->itemData(i).toString());
                if (typed.isEmpty() || typed == QStringLiteral("—"))
                    return QJsonValue();
                return QJsonValue(typed);
            }
            return i > 0 ? QJsonValue(combo->itemData(i).toString()) : QJsonValue();
        };
        connect(combo, &QComboBox::currentIndexChanged, this, [this, path, currentValue](int) {
            if (!m_applying)
                edited(path, currentValue());
        });
        if (combo->isEditable()) {
            connect(combo->lineEdit(), &QLineEdit::textEdited, this,
                    [this, path, currentValue](const QString &) { edited(path, currentValue()); });
        }
        b.write = [this, combo](const QJsonValue &v) {
            const QSignalBlocker block(combo);
            const QString code = v.isString() ? v.toString() : QString();
            int index = code.isEmpty() ? 0 : combo->findData(code);
            if (index < 0) {
                // A value this form no longer offers (or a file no longer attached) stays visible.
                combo->addItem(combo->isEditable() ? code : tr("%1 (not available)").arg(code), code);
                index = combo->count() - 1;
            }
            combo->setCurrentIndex(index);
        };
        b.setReadOnly = [combo](bool ro) { combo->setEnabled(!ro); };
        b.editor = combo;
        b.focusables << combo;
        if (combo->lineEdit())
            b.focusables << combo->lineEdit();
        break;
    }
    case FieldType::MultiChoice: {
        auto *host = new QWidget(parent);
        auto *grid = new QGridLayout(host);
        grid->setContentsMargins(0, 6, 0, 2);
        grid->setHorizontalSpacing(18);
        grid->setVerticalSpacing(6);
        const int columns = std::max(1, field.options.size() <= 4 ? int(field.options.size()) : 3);
        QList<QCheckBox *> boxes;
        for (int i = 0; i < field.options.size(); ++i) {
            const ChoiceOption &option = field.options.at(i);
            auto *box = new QCheckBox(text(option.label), host);
            box->setObjectName(name + QLatin1Char('_') + option.code);
            box->setProperty("code", option.code);
            grid->addWidget(box, i / columns, i % columns);
            boxes << box;
        }
        for (QCheckBox *box : std::as_const(boxes)) {
            connect(box, &QCheckBox::toggled, this, [this, path, boxes] {
                if (m_applying)
                    return;
                QJsonArray codes;
                for (QCheckBox *other : boxes) {
                    if (other->isChecked())
                        codes << other->property("code").toString();
                }
                edited(path, codes.isEmpty() ? QJsonValue() : QJsonValue(codes));
            });
        }
        b.write = [boxes](const QJsonValue &v) {
            const QJsonArray codes = v.toArray();
            for (QCheckBox *box : boxes) {
                const QSignalBlocker block(box);
                box->setChecked(codes.contains(QJsonValue(box->property("code").toString())));
            }
        };
        b.setReadOnly = [boxes](bool ro) {
            for (QCheckBox *box : boxes)
                box->setEnabled(!ro);
        };
        b.editor = host;
        for (QCheckBox *box : std::as_const(boxes))
            b.focusables << box;
        break;
    }
    case FieldType::Group:
        // Groups inside groups are refused by the definition check; nothing to edit here.
        b.editor = new QWidget(parent);
        b.write = [](const QJsonValue &) {};
        b.setReadOnly = [](bool) {};
        break;
    }
    if (!b.widget)
        b.widget = b.editor;
    if (b.editor->objectName().isEmpty())
        b.editor->setObjectName(name);
    if (!tip.isEmpty() && b.editor->toolTip().isEmpty())
        b.editor->setToolTip(tip);
    const int w = editorWidth(field.type, inGroup);
    if (w > 0 && field.type != FieldType::Date)
        b.editor->setFixedWidth(w);
    for (QWidget *widget : std::as_const(b.focusables)) {
        if (widget)
            watch(widget);
    }
    return b;
}

void FormView::watch(QWidget *widget)
{
    if (widget && !widget->property("undoWatched").toBool()) {
        widget->setProperty("undoWatched", true);
        widget->installEventFilter(this);
    }
}

bool FormView::eventFilter(QObject *watched, QEvent *event)
{
    // Line edits and spin boxes keep an undo history of their own, which would take Ctrl+Z away from
    // the form's: the form's history is the one that knows about calculated fields and rows.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo =
            key->matches(QKeySequence::Redo) ||
            (key->key() == Qt::Key_Z && key->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
        if (undo || redo) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            if (!m_readOnly) {
                if (undo)
                    m_undo->undo();
                else
                    m_undo->redo();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FormView::rebuildGroupRows(const QString &groupId)
{
    auto git = m_groups.find(groupId);
    if (git == m_groups.end())
        return;
    Group &group = *git;
    // Cell bindings of this group go with their rows.
    const QString prefix = groupId + QLatin1Char('[');
    for (auto it = m_bindings.begin(); it != m_bindings.end();) {
        if (it.key().startsWith(prefix))
            it = m_bindings.erase(it);
        else
            ++it;
    }
    for (QWidget *row : std::as_const(group.rows)) {
        // Later: the click that removes a row comes from a button inside it.
        row->hide();
        row->setParent(nullptr);
        row->deleteLater();
    }
    group.rows.clear();
    const QJsonArray rows = m_values.value(groupId).toArray();
    const QJsonArray computedRows = m_computed.value(groupId).toArray();
    const bool applying = m_applying;
    m_applying = true;
    for (int r = 0; r < rows.size(); ++r) {
        auto *rowWidget = new QWidget(group.rowsHost);
        rowWidget->setObjectName(QStringLiteral("groupRow_%1_%2").arg(groupId).arg(r));
        auto *line = new QHBoxLayout(rowWidget);
        line->setContentsMargins(0, 0, 0, 0);
        line->setSpacing(8);
        auto *number = new QLabel(QString::number(r + 1), rowWidget);
        number->setObjectName(QStringLiteral("groupRowNumber"));
        number->setFixedWidth(22);
        line->addWidget(number);
        for (const FieldDefinition &member : group.field->fields) {
            const QString path = QStringLiteral("%1[%2].%3").arg(groupId).arg(r).arg(member.id);
            Binding cell = makeEditor(member, path, rowWidget);
            line->addWidget(cell.widget);
            const QJsonValue v = member.calculate.isEmpty() ? rows.at(r).toObject().value(member.id)
                                                            : computedRows.at(r).toObject().value(member.id);
            cell.write(v);
            cell.setReadOnly(m_readOnly || !member.calculate.isEmpty());
            m_bindings.insert(path, cell);
        }
        auto *remove = new QToolButton(rowWidget);
        remove->setObjectName(QStringLiteral("removeRowButton"));
        remove->setProperty("row", r);
        remove->setText(QStringLiteral("×"));
        remove->setToolTip(tr("Remove row %1").arg(r + 1));
        remove->setCursor(Qt::PointingHandCursor);
        remove->setVisible(!m_readOnly);
        connect(remove, &QToolButton::clicked, this, [this, groupId, r] { removeRow(groupId, r); });
        line->addWidget(remove);
        line->addStretch(1);
        group.rowsLayout->addWidget(rowWidget);
        // Shown now rather than by the layout's queued show, so the form's height is right at once.
        if (group.rowsHost->isVisible())
            rowWidget->show();
        group.rows << rowWidget;
    }
    m_applying = applying;
    group.empty->setVisible(rows.isEmpty());
    const int maxRows = group.field->maxRows;
    group.addButton->setVisible(!m_readOnly);
    group.addButton->setEnabled(maxRows <= 0 || rows.size() < maxRows);
}

QJsonValue FormView::storedValue(const QString &path) const
{
    const QRegularExpressionMatch m = cellPath().match(path);
    if (m.hasMatch()) {
        const QJsonArray rows = m_values.value(m.captured(1)).toArray();
        const int r = m.captured(2).toInt();
        return r < rows.size() ? rows.at(r).toObject().value(m.captured(3)) : QJsonValue();
    }
    const FieldDefinition *f = m_definition.field(path);
    if (f && !f->calculate.isEmpty())
        return m_computed.value(path);
    return m_values.value(path);
}

QJsonValue FormView::value(const QString &path) const
{
    const QRegularExpressionMatch m = cellPath().match(path);
    if (m.hasMatch()) {
        const QJsonArray rows = m_computed.value(m.captured(1)).toArray();
        const int r = m.captured(2).toInt();
        return r < rows.size() ? rows.at(r).toObject().value(m.captured(3)) : QJsonValue();
    }
    return m_computed.contains(path) ? m_computed.value(path) : m_values.value(path);
}

void FormView::storeValue(const QString &path, const QJsonValue &value)
{
    const bool empty = value.isUndefined() || value.isNull();
    const QRegularExpressionMatch m = cellPath().match(path);
    if (m.hasMatch()) {
        const QString groupId = m.captured(1);
        QJsonArray rows = m_values.value(groupId).toArray();
        const int r = m.captured(2).toInt();
        while (rows.size() <= r)
            rows.append(QJsonObject());
        QJsonObject row = rows.at(r).toObject();
        if (empty)
            row.remove(m.captured(3));
        else
            row.insert(m.captured(3), value);
        rows.replace(r, row);
        m_values.insert(groupId, rows);
        return;
    }
    if (empty)
        m_values.remove(path);
    else
        m_values.insert(path, value);
}

void FormView::edited(const QString &path, const QJsonValue &value)
{
    if (m_readOnly || m_applying)
        return;
    QJsonValue before = storedValue(path);
    if (before.isUndefined())
        before = QJsonValue();
    if (before == value)
        return;
    m_undo->push(new FieldEditCommand(this, path, before, value, true, tr("edit %1").arg(fieldLabel(path))));
}

void FormView::addRow(const QString &groupId)
{
    if (m_readOnly)
        return;
    QJsonValue before = m_values.value(groupId);
    if (before.isUndefined())
        before = QJsonValue();
    QJsonArray rows = before.toArray();
    rows.append(QJsonObject());
    m_undo->push(new FieldEditCommand(this, groupId, before, QJsonValue(rows), false,
                                      tr("add a row to %1").arg(fieldLabel(groupId))));
    // The new row's first cell takes the focus, ready for typing.
    const Group group = m_groups.value(groupId);
    if (group.field && !group.rows.isEmpty() && !group.field->fields.isEmpty()) {
        if (QWidget *first = editor(QStringLiteral("%1[%2].%3")
                                        .arg(groupId)
                                        .arg(group.rows.size() - 1)
                                        .arg(group.field->fields.first().id)))
            first->setFocus();
    }
}

void FormView::removeRow(const QString &groupId, int row)
{
    if (m_readOnly)
        return;
    const QJsonValue before = m_values.value(groupId);
    QJsonArray rows = before.toArray();
    if (row < 0 || row >= rows.size())
        return;
    rows.removeAt(row);
    m_undo->push(new FieldEditCommand(this, groupId, before, rows.isEmpty() ? QJsonValue() : QJsonValue(rows),
                                      false,
                                      tr("remove row %1 of %2").arg(row + 1).arg(fieldLabel(groupId))));
}

void FormView::applyValue(const QString &path, const QJsonValue &value, bool updateEditor)
{
    storeValue(path, value);
    m_applying = true;
    if (m_groups.contains(path)) {
        // Rows are recomputed before they are drawn so calculated cells show their values.
        m_computed = m_validator->withCalculated(m_values, m_today);
        rebuildGroupRows(path);
    } else if (updateEditor) {
        auto it = m_bindings.constFind(path);
        if (it != m_bindings.constEnd())
            it->write(value);
    }
    m_applying = false;
    m_external.reset();
    refresh();
}

void FormView::setValues(const QJsonObject &values)
{
    m_values = values;
    // Calculated fields are recomputed, never taken from outside.
    for (const FieldDefinition *f : m_definition.fields()) {
        if (!f->calculate.isEmpty())
            m_values.remove(f->id);
    }
    m_undo->clear();
    m_external.reset();
    if (!m_validator)
        return;
    m_computed = m_validator->withCalculated(m_values, m_today);
    m_applying = true;
    const QStringList groups = m_groups.keys();
    for (const QString &group : groups)
        rebuildGroupRows(group);
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        if (!m_groups.contains(it.key()) && !it.key().contains(QLatin1Char('[')))
            it->write(storedValue(it.key()));
    }
    m_applying = false;
    refresh();
}

QJsonObject FormView::values() const
{
    if (!m_validator)
        return {};
    return m_validator->withCalculated(m_values, m_today);
}

void FormView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        it->setReadOnly(readOnly || !it->field->calculate.isEmpty());
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        it->addButton->setVisible(!readOnly);
        for (QWidget *row : it->rows) {
            for (QToolButton *remove : row->findChildren<QToolButton *>(QStringLiteral("removeRowButton")))
                remove->setVisible(!readOnly);
        }
    }
}

void FormView::setValidationMode(Validator::Mode mode)
{
    m_mode = mode;
    if (m_validator)
        refresh();
}

ValidationResult FormView::validate(Validator::Mode mode)
{
    m_mode = mode;
    m_external.reset();
    if (m_validator)
        refresh();
    return m_result;
}

void FormView::showIssues(const ValidationResult &result)
{
    m_external = result;
    m_result = result;
    showValidation();
}

void FormView::refresh()
{
    if (!m_validator)
        return;
    m_computed = m_validator->withCalculated(m_values, m_today);
    const bool applying = m_applying;
    m_applying = true;
    updateCalculated(m_computed);
    updateVisibility(m_computed);
    m_applying = applying;
    if (!m_external)
        m_result = m_validator->validate(m_computed, m_mode, m_today);
    showValidation();
    Q_EMIT valuesChanged();
    const bool valid = !m_result.hasErrors();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void FormView::updateCalculated(const QJsonObject &computed)
{
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        if (it->field->calculate.isEmpty())
            continue;
        const QRegularExpressionMatch m = cellPath().match(it.key());
        if (m.hasMatch()) {
            const QJsonArray rows = computed.value(m.captured(1)).toArray();
            const int r = m.captured(2).toInt();
            it->write(r < rows.size() ? rows.at(r).toObject().value(m.captured(3)) : QJsonValue());
        } else {
            it->write(computed.value(it.key()));
        }
    }
}

void FormView::updateVisibility(const QJsonObject &computed)
{
    const Expression::Lookup lookup = [&computed](const QString &path) -> QJsonValue {
        return computed.value(path);
    };
    for (auto it = m_conditions.cbegin(); it != m_conditions.cend(); ++it) {
        // Evaluated on the entered values: a condition on a field hidden itself sees it empty.
        auto result = it->evaluate(lookup, m_today);
        // A condition that cannot be decided (its fields empty) hides the field, as the validator does.
        const bool visible =
            result.ok() && result.value().typeId() == QMetaType::Bool && result.value().toBool();
        m_visible.insert(it.key(), visible);
        auto b = m_bindings.constFind(it.key());
        if (b != m_bindings.constEnd() && b->row && b->row->isHidden() == visible)
            b->row->setVisible(visible);
    }
}

bool FormView::isFieldVisible(const QString &path) const
{
    const QRegularExpressionMatch m = cellPath().match(path);
    return m_visible.value(m.hasMatch() ? m.captured(1) : path, true);
}

QWidget *FormView::editor(const QString &path) const
{
    auto it = m_bindings.constFind(path);
    return it == m_bindings.constEnd() ? nullptr : it->editor;
}

void FormView::scrollToField(const QString &path)
{
    const QRegularExpressionMatch m = cellPath().match(path);
    auto it = m_bindings.constFind(m.hasMatch() ? m.captured(1) : path);
    if (it == m_bindings.constEnd())
        return;
    QWidget *target = it->row ? it->row : it->widget;
    if (target && m_content)
        m_scroll->ensureWidgetVisible(target, 0, 40);
}

QLabel *FormView::messageLabel(const QString &path) const
{
    auto it = m_bindings.constFind(path);
    return it == m_bindings.constEnd() ? nullptr : it->message;
}

QString FormView::fieldLabel(const QString &path) const
{
    const QRegularExpressionMatch m = cellPath().match(path);
    if (m.hasMatch()) {
        const FieldDefinition *group = m_definition.field(m.captured(1));
        const FieldDefinition *member = m_definition.field(m.captured(1) + QLatin1Char('.') + m.captured(3));
        return tr("%1, row %2: %3")
            .arg(group ? text(group->label) : m.captured(1))
            .arg(m.captured(2).toInt() + 1)
            .arg(member ? text(member->label) : m.captured(3));
    }
    const FieldDefinition *f = m_definition.field(path);
    return f ? text(f->label) : path;
}

void FormView::showValidation()
{
    struct Shown
    {
        QStringList lines;
        bool error = false;
    };
    QHash<QString, Shown> messages;
    QHash<QString, bool> cellSeverity; // true: error
    QStringList summary;
    int errors = 0;
    int warnings = 0;
    for (const ValidationIssue &issue : std::as_const(m_result.issues)) {
        const bool error = issue.severity == RuleSeverity::Error;
        (error ? errors : warnings)++;
        const QString message = text(issue.message);
        const QRegularExpressionMatch m = cellPath().match(issue.fieldPath);
        QString target = issue.fieldPath;
        QString line = message;
        if (m.hasMatch()) {
            // A cell's message goes under its table, naming the row; the cell itself is outlined.
            target = m.captured(1);
            const FieldDefinition *member =
                m_definition.field(m.captured(1) + QLatin1Char('.') + m.captured(3));
            line = tr("Row %1, %2: %3")
                       .arg(m.captured(2).toInt() + 1)
                       .arg(member ? text(member->label) : m.captured(3), message);
            cellSeverity[issue.fieldPath] = cellSeverity.value(issue.fieldPath) || error;
        }
        if (!target.isEmpty() && m_bindings.contains(target)) {
            Shown &shown = messages[target];
            if (!shown.lines.contains(line))
                shown.lines << line;
            shown.error = shown.error || error;
        }
        const QString prefix =
            issue.fieldPath.isEmpty() ? QString() : fieldLabel(issue.fieldPath) + QStringLiteral(": ");
        summary << QStringLiteral("• ") + prefix + message;
    }
    for (auto it = m_bindings.begin(); it != m_bindings.end(); ++it) {
        const auto shown = messages.constFind(it.key());
        const bool has = shown != messages.constEnd();
        const auto cell = cellSeverity.constFind(it.key());
        const char *severity = has ? (shown->error ? "error" : "warning")
                                   : (cell != cellSeverity.constEnd() ? (*cell ? "error" : "warning") : "");
        if (it->editor && !m_groups.contains(it.key()))
            setSeverity(it->editor, severity);
        if (it->message) {
            setSeverity(it->message, has ? (shown->error ? "error" : "warning") : "");
            it->message->setText(has ? shown->lines.join(QLatin1Char('\n')) : QString());
            it->message->setVisible(has);
        }
    }
    if (summary.isEmpty()) {
        m_summary->hide();
        return;
    }
    QString head;
    if (errors > 0 && warnings > 0)
        head =
            tr("%1 and %2").arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings));
    else if (errors > 0)
        head = tr("%n error(s)", nullptr, errors);
    else
        head = tr("%n warning(s)", nullptr, warnings);
    head += errors > 0 ? tr(": errors must be corrected before the record can be submitted.")
                       : tr(": warnings are recorded and do not block submission.");
    constexpr int MaxLines = 6;
    QStringList lines = summary.mid(0, MaxLines);
    if (summary.size() > MaxLines)
        lines << tr("… and %n more", nullptr, int(summary.size() - MaxLines));
    setSeverity(m_summary, errors > 0 ? "error" : "warning");
    m_summary->setText(head + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    m_summary->show();
}

} // namespace mdp::forms::ui
