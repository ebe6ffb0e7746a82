#include "mdp/forms/ui/FormDesigner.h"

#include "mdp/forms/ui/FormView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mdp::forms::ui {

namespace {

const char *const StyleSheet = R"(
QFrame#designerCard { background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }
QLabel#designerHeading { font-size: 11.5pt; font-weight: 600; color: #10263b; }
QLabel#designerHint { color: #5f6b7a; font-size: 9pt; }
QLabel#checkResult { border-radius: 6px; padding: 6px 10px; }
QLabel#checkResult[severity="error"] { background: #fdecec; border: 1px solid #f3c1c1; color: #9b1c1c; }
QLabel#checkResult[severity="success"] { background: #e9f6ec; border: 1px solid #b9dfc2; color: #1d5e2c; }
QLabel#previewStatus { color: #9a5b00; font-size: 9pt; }
QTreeWidget#designerTree, QListWidget#designerRules { border: none; background: #ffffff; outline: 0; }
QTreeWidget#designerTree::item, QListWidget#designerRules::item { padding: 4px 2px; }
QTreeWidget#designerTree::item:selected, QListWidget#designerRules::item:selected { background: #eaf3fb;
    color: #10263b; }
QPlainTextEdit#ruleExpression, QLineEdit#fieldCalculate, QLineEdit#fieldVisibleIf {
    font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; }
QToolButton[designerTool="true"] { border: 1px solid #c5ced8; border-radius: 5px; background: #ffffff;
    padding: 4px 8px; }
QToolButton[designerTool="true"]:hover { background: #f0f4f8; }
QToolButton[designerTool="true"]:disabled { color: #9aa5b1; }
)";

enum Role
{
    KindRole = Qt::UserRole + 1,
    SectionRole,
    FieldRole,
    MemberRole,
};

QString joinList(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

QString numberText(const std::optional<double> &v)
{
    return v ? QString::number(*v) : QString();
}

std::optional<double> numberFrom(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

QString optionsText(const QList<ChoiceOption> &options)
{
    QStringList lines;
    for (const ChoiceOption &o : options)
        lines << QStringLiteral("%1 | %2 | %3").arg(o.code, o.label.zh, o.label.en);
    return lines.join(QLatin1Char('\n'));
}

QList<ChoiceOption> optionsFrom(const QString &text)
{
    QList<ChoiceOption> options;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(QLatin1Char('|'));
        ChoiceOption o;
        o.code = parts.value(0).trimmed();
        o.label.zh = parts.value(1).trimmed();
        o.label.en = parts.value(2).trimmed();
        if (!o.code.isEmpty())
            options << o;
    }
    return options;
}

void setSeverity(QLabel *label, const char *severity, const QString &text)
{
    label->setProperty("severity", QString::fromLatin1(severity));
    label->style()->unpolish(label);
    label->style()->polish(label);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QToolButton *toolButton(const QString &text, const QString &tip, const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setProperty("designerTool", true);
    b->setCursor(Qt::PointingHandCursor);
    return b;
}

} // namespace

FormDesigner::FormDesigner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("formDesigner"));
    setStyleSheet(QString::fromLatin1(StyleSheet));
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &FormDesigner::updatePreview);

    // Structure and rules.
    auto *left = new QFrame(this);
    left->setObjectName(QStringLiteral("designerCard"));
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 12, 12);
    leftLayout->setSpacing(8);
    m_tabs = new QTabWidget(left);
    m_tabs->setObjectName(QStringLiteral("designerTabs"));
    m_tabs->setDocumentMode(true);

    auto *structure = new QWidget(m_tabs);
    auto *structureLayout = new QVBoxLayout(structure);
    structureLayout->setContentsMargins(0, 8, 0, 0);
    structureLayout->setSpacing(6);
    auto *structureTools = new QHBoxLayout;
    structureTools->setSpacing(4);
    auto *addSectionButton = toolButton(tr("+ Section"), tr("Add a section after the selected one"),
                                        QStringLiteral("addSectionButton"), structure);
    auto *addFieldButton = toolButton(tr("+ Field"),
                                      tr("Add a field after the selected one (inside a "
                                         "repeating group when a group is selected)"),
                                      QStringLiteral("addFieldButton"), structure);
    auto *removeButton = toolButton(tr("Remove"), tr("Remove the selected section or field"),
                                    QStringLiteral("removeItemButton"), structure);
    auto *upButton =
        toolButton(QStringLiteral("↑"), tr("Move up"), QStringLiteral("moveUpButton"), structure);
    auto *downButton =
        toolButton(QStringLiteral("↓"), tr("Move down"), QStringLiteral("moveDownButton"), structure);
    structureTools->addWidget(addSectionButton);
    structureTools->addWidget(addFieldButton);
    structureTools->addStretch(1);
    auto *orderTools = new QHBoxLayout;
    orderTools->setSpacing(4);
    orderTools->addWidget(upButton);
    orderTools->addWidget(downButton);
    orderTools->addStretch(1);
    orderTools->addWidget(removeButton);
    structureLayout->addLayout(structureTools);
    structureLayout->addLayout(orderTools);
    m_tree = new QTreeWidget(structure);
    m_tree->setObjectName(QStringLiteral("designerTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(2);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The second column holds a field's type (short); names need the room.
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_tree->header()->resizeSection(1, 72);
    m_tree->setIndentation(16);
    structureLayout->addWidget(m_tree, 1);
    m_tabs->addTab(structure, tr("Structure"));

    auto *rules = new QWidget(m_tabs);
    auto *rulesLayout = new QVBoxLayout(rules);
    rulesLayout->setContentsMargins(0, 8, 0, 0);
    rulesLayout->setSpacing(6);
    auto *ruleTools = new QHBoxLayout;
    ruleTools->setSpacing(4);
    auto *addRuleButton =
        toolButton(tr("+ Rule"), tr("Add a cross-field rule"), QStringLiteral("addRuleButton"), rules);
    auto *removeRuleButton =
        toolButton(tr("Remove"), tr("Remove the selected rule"), QStringLiteral("removeRuleButton"), rules);
    ruleTools->addWidget(addRuleButton);
    ruleTools->addStretch(1);
    ruleTools->addWidget(removeRuleButton);
    rulesLayout->addLayout(ruleTools);
    m_rules = new QListWidget(rules);
    m_rules->setObjectName(QStringLiteral("designerRules"));
    rulesLayout->addWidget(m_rules, 1);
    m_tabs->addTab(rules, tr("Rules"));
    leftLayout->addWidget(m_tabs, 1);

    // Properties of the selection.
    auto *middle = new QFrame(this);
    middle->setObjectName(QStringLiteral("designerCard"));
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(16, 12, 16, 12);
    middleLayout->setSpacing(8);
    auto *checkLine = new QHBoxLayout;
    auto *propertiesTitle = new QLabel(tr("Properties"), middle);
    propertiesTitle->setObjectName(QStringLiteral("designerHeading"));
    checkLine->addWidget(propertiesTitle);
    checkLine->addStretch(1);
    auto *checkButton = new QPushButton(tr("Check"), middle);
    checkButton->setObjectName(QStringLiteral("checkButton"));
    checkButton->setToolTip(tr("Check the whole definition: ids, types, ranges and every expression"));
    checkLine->addWidget(checkButton);
    middleLayout->addLayout(checkLine);
    m_checkResult = new QLabel(middle);
    m_checkResult->setObjectName(QStringLiteral("checkResult"));
    m_checkResult->setWordWrap(true);
    m_checkResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkResult->hide();
    middleLayout->addWidget(m_checkResult);
    m_editors = new QStackedWidget(middle);
    m_editors->addWidget(buildFormEditor());
    m_editors->addWidget(buildSectionEditor());
    m_editors->addWidget(buildFieldEditor());
    m_editors->addWidget(buildRuleEditor());
    auto *scroll = new QScrollArea(middle);
    scroll->setWidget(m_editors);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    middleLayout->addWidget(scroll, 1);

    // Preview.
    auto *right = new QFrame(this);
    right->setObjectName(QStringLiteral("designerCard"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(16, 12, 16, 12);
    rightLayout->setSpacing(6);
    auto *previewLine = new QHBoxLayout;
    auto *previewTitle = new QLabel(tr("Preview"), right);
    previewTitle->setObjectName(QStringLiteral("designerHeading"));
    previewLine->addWidget(previewTitle);
    previewLine->addStretch(1);
    auto *language = new QComboBox(right);
    language->setObjectName(QStringLiteral("previewLanguage"));
    language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    previewLine->addWidget(language);
    rightLayout->addLayout(previewLine);
    m_previewStatus = new QLabel(right);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_previewStatus->hide();
    rightLayout->addWidget(m_previewStatus);
    m_preview = new FormView(right);
    m_preview->setObjectName(QStringLiteral("designerPreview"));
    rightLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("designerSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(10);
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 6);
    // Narrow enough that the preview keeps a usable width on a 1280-pixel screen.
    left->setMinimumWidth(230);
    middle->setMinimumWidth(300);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(addSectionButton, &QToolButton::clicked, this, &FormDesigner::addSection);
    connect(addFieldButton, &QToolButton::clicked, this, &FormDesigner::addField);
    connect(removeButton, &QToolButton::clicked, this, &FormDesigner::removeSelected);
    connect(upButton, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(downButton, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(addRuleButton, &QToolButton::clicked, this, &FormDesigner::addRule);
    connect(removeRuleButton, &QToolButton::clicked, this, [this] {
        if (m_selection.kind == Kind::Rule)
            removeSelected();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_loading)
            selectionFromTree();
    });
    connect(m_rules, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading && row >= 0)
            selectRule(row);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (m_loading)
            return;
        if (tab == 1 && m_rules->currentRow() >= 0)
            selectRule(m_rules->currentRow());
        else if (tab == 0)
            selectionFromTree();
    });
    connect(checkButton, &QPushButton::clicked, this, [this] { (void)check(); });
    connect(language, &QComboBox::currentIndexChanged, this,
            [this, language](int) { setPreviewLanguage(language->currentData().toString()); });

    newDefinition();
}

FormDesigner::~FormDesigner() = default;

QWidget *FormDesigner::buildFormEditor()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setLabelAlignment(Qt::AlignRight);
    form->setContentsMargins(0, 4, 0, 0);
    form->setVerticalSpacing(8);
    auto line = [this, form](const QString &label, const QString &name, QLineEdit *&edit,
                             const QString &placeholder = {}) {
        edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textEdited, this, [this] {
            if (m_loading)
                return;
            m_definition.id = m_formId->text().trimmed();
            m_definition.title = {m_formTitleZh->text(), m_formTitleEn->text()};
            m_definition.description = {m_formDescriptionZh->text(), m_formDescriptionEn->text()};
            m_definition.category = m_formCategory->text().trimmed();
            m_definition.eventTypes = splitList(m_formEventTypes->text());
            if (QTreeWidgetItem *root = m_tree->topLevelItem(0))
                root->setText(0, m_definition.title.text(m_language).isEmpty()
                                     ? tr("(untitled form)")
                                     : m_definition.title.text(m_language));
            changed();
        });
    };
    line(tr("Form id"), QStringLiteral("formIdEdit"), m_formId, QStringLiteral("breast-baseline"));
    line(tr("Title (中文)"), QStringLiteral("formTitleZh"), m_formTitleZh);
    line(tr("Title (English)"), QStringLiteral("formTitleEn"), m_formTitleEn);
    line(tr("Description (中文)"), QStringLiteral("formDescriptionZh"), m_formDescriptionZh);
    line(tr("Description (English)"), QStringLiteral("formDescriptionEn"), m_formDescriptionEn);
    line(tr("Review category"), QStringLiteral("formCategory"), m_formCategory, QStringLiteral("baseline"));
    line(tr("Event types"), QStringLiteral("formEventTypes"), m_formEventTypes,
         QStringLiteral("diagnosis, surgery"));
    auto *hint = new QLabel(tr("Records of this form attach to timeline events of these types; the review "
                               "category routes them to reviewers."));
    hint->setObjectName(QStringLiteral("designerHint"));
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    return page;
}

QWidget *FormDesigner::buildSectionEditor()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setLabelAlignment(Qt::AlignRight);
    form->setContentsMargins(0, 4, 0, 0);
    form->setVerticalSpacing(8);
    auto line = [this, form](const QString &label, const QString &name, QLineEdit *&edit) {
        edit = new QLineEdit;
        edit->setObjectName(name);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textEdited, this, [this] {
            SectionDefinition *s = selectedSection();
            if (m_loading || !s || m_selection.kind != Kind::Section)
                return;
            s->id = m_sectionId->text().trimmed();
            s->title = {m_sectionTitleZh->text(), m_sectionTitleEn->text()};
            if (QTreeWidgetItem *item = m_tree->currentItem()) {
                item->setText(0, s->title.text(m_language));
                item->setText(1, s->id);
            }
            changed();
        });
    };
    line(tr("Section id"), QStringLiteral("sectionIdEdit"), m_sectionId);
    line(tr("Title (中文)"), QStringLiteral("sectionTitleZh"), m_sectionTitleZh);
    line(tr("Title (English)"), QStringLiteral("sectionTitleEn"), m_sectionTitleEn);
    return page;
}

QWidget *FormDesigner::buildFieldEditor()
{
    m_fieldEditor = new QWidget;
    auto *form = new QFormLayout(m_fieldEditor);
    form->setLabelAlignment(Qt::AlignRight);
    form->setContentsMargins(0, 4, 0, 0);
    form->setVerticalSpacing(8);
    auto store = [this] {
        if (!m_loading)
            storeFieldEditor();
    };
    auto add = [this, form](const QString &label, QWidget *editor, const QString &name) {
        editor->setObjectName(name);
        auto *l = new QLabel(label);
        form->addRow(l, editor);
        m_fieldRows << qMakePair(static_cast<QWidget *>(l), editor);
    };
    auto line = [&](const QString &label, const QString &name, QLineEdit *&edit,
                    const QString &placeholder = {}) {
        edit = new QLineEdit;
        edit->setPlaceholderText(placeholder);
        add(label, edit, name);
        connect(edit, &QLineEdit::textEdited, this, store);
    };
    line(tr("Field id"), QStringLiteral("fieldIdEdit"), m_fieldId, QStringLiteral("ki67"));
    m_fieldType = new QComboBox;
    const QList<QPair<FieldType, QString>> types{
        {FieldType::Text, tr("Text")},
        {FieldType::Integer, tr("Whole number")},
        {FieldType::Decimal, tr("Decimal")},
        {FieldType::Date, tr("Date")},
        {FieldType::Choice, tr("Single choice")},
        {FieldType::MultiChoice, tr("Multiple choice")},
        {FieldType::Code, tr("Coded value")},
        {FieldType::Group, tr("Repeating group")},
        {FieldType::File, tr("File reference")},
    };
    for (const auto &[type, name] : types)
        m_fieldType->addItem(name, fieldTypeId(type));
    add(tr("Type"), m_fieldType, QStringLiteral("fieldTypeCombo"));
    connect(m_fieldType, &QComboBox::currentIndexChanged, this, [this, store] {
        store();
        updateFieldEditorVisibility();
    });
    line(tr("Label (中文)"), QStringLiteral("fieldLabelZh"), m_fieldLabelZh);
    line(tr("Label (English)"), QStringLiteral("fieldLabelEn"), m_fieldLabelEn);
    line(tr("Help (中文)"), QStringLiteral("fieldHelpZh"), m_fieldHelpZh);
    line(tr("Help (English)"), QStringLiteral("fieldHelpEn"), m_fieldHelpEn);
    m_fieldRequired = new QCheckBox(tr("Must be filled in before submitting"));
    add(tr("Required"), m_fieldRequired, QStringLiteral("fieldRequired"));
    connect(m_fieldRequired, &QCheckBox::toggled, this, store);
    line(tr("Minimum"), QStringLiteral("fieldMinimum"), m_fieldMinimum);
    line(tr("Maximum"), QStringLiteral("fieldMaximum"), m_fieldMaximum);
    m_fieldDecimals = new QSpinBox;
    m_fieldDecimals->setRange(0, 6);
    add(tr("Decimals"), m_fieldDecimals, QStringLiteral("fieldDecimals"));
    connect(m_fieldDecimals, &QSpinBox::valueChanged, this, store);
    line(tr("Unit"), QStringLiteral("fieldUnit"), m_fieldUnit, QStringLiteral("Gy"));
    line(tr("Pattern"), QStringLiteral("fieldPattern"), m_fieldPattern,
         QStringLiteral("[A-Z]\\d{2}(\\.\\d)?"));
    line(tr("Earliest date"), QStringLiteral("fieldMinDate"), m_fieldMinDate, QStringLiteral("2000-01-01"));
    line(tr("Latest date"), QStringLiteral("fieldMaxDate"), m_fieldMaxDate, QStringLiteral("today"));
    m_fieldOptions = new QPlainTextEdit;
    m_fieldOptions->setPlaceholderText(tr("One option per line: code | 中文 | English"));
    m_fieldOptions->setFixedHeight(110);
    add(tr("Options"), m_fieldOptions, QStringLiteral("fieldOptions"));
    connect(m_fieldOptions, &QPlainTextEdit::textChanged, this, store);
    line(tr("Code system"), QStringLiteral("fieldCodeSystem"), m_fieldCodeSystem, QStringLiteral("ICD-10"));
    line(tr("Allowed codes"), QStringLiteral("fieldAllowedCodes"), m_fieldAllowedCodes,
         QStringLiteral("C50.1, C50.4"));
    m_fieldCategory = new QComboBox;
    m_fieldCategory->setEditable(true);
    m_fieldCategory->addItems({QStringLiteral("clinical"), QStringLiteral("identity"),
                               QStringLiteral("genomic"), QStringLiteral("imaging"),
                               QStringLiteral("treatment")});
    add(tr("Data category"), m_fieldCategory, QStringLiteral("fieldCategory"));
    connect(m_fieldCategory, &QComboBox::currentTextChanged, this, store);
    m_fieldLevel = new QSpinBox;
    m_fieldLevel->setRange(1, 5);
    m_fieldLevel->setToolTip(tr("Classification level 1 (public) to 5 (most sensitive)"));
    add(tr("Sensitivity level"), m_fieldLevel, QStringLiteral("fieldLevel"));
    connect(m_fieldLevel, &QSpinBox::valueChanged, this, store);
    line(tr("Calculation"), QStringLiteral("fieldCalculate"), m_fieldCalculate,
         QStringLiteral("round(totalDoseGy / fractions, 2)"));
    line(tr("Visible if"), QStringLiteral("fieldVisibleIf"), m_fieldVisibleIf,
         QStringLiteral("her2Ihc = '2+'"));
    m_fieldMinRows = new QSpinBox;
    m_fieldMinRows->setRange(0, 999);
    add(tr("Minimum rows"), m_fieldMinRows, QStringLiteral("fieldMinRows"));
    connect(m_fieldMinRows, &QSpinBox::valueChanged, this, store);
    m_fieldMaxRows = new QSpinBox;
    m_fieldMaxRows->setRange(0, 999);
    m_fieldMaxRows->setSpecialValueText(tr("no limit"));
    add(tr("Maximum rows"), m_fieldMaxRows, QStringLiteral("fieldMaxRows"));
    connect(m_fieldMaxRows, &QSpinBox::valueChanged, this, store);
    return m_fieldEditor;
}

QWidget *FormDesigner::buildRuleEditor()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->setLabelAlignment(Qt::AlignRight);
    form->setContentsMargins(0, 4, 0, 0);
    form->setVerticalSpacing(8);
    auto store = [this] {
        RuleDefinition *r = selectedRule();
        if (m_loading || !r)
            return;
        r->id = m_ruleId->text().trimmed();
        r->expression = m_ruleExpression->toPlainText().trimmed();
        r->severity = m_ruleSeverity->currentIndex() == 0 ? RuleSeverity::Error : RuleSeverity::Warning;
        r->message = {m_ruleMessageZh->text(), m_ruleMessageEn->text()};
        r->fields = splitList(m_ruleFields->text());
        if (QListWidgetItem *item = m_rules->item(m_selection.rule))
            item->setText(r->id.isEmpty() ? tr("(new rule)") : r->id);
        changed();
    };
    m_ruleId = new QLineEdit;
    m_ruleId->setObjectName(QStringLiteral("ruleIdEdit"));
    form->addRow(tr("Rule id"), m_ruleId);
    connect(m_ruleId, &QLineEdit::textEdited, this, store);
    m_ruleExpression = new QPlainTextEdit;
    m_ruleExpression->setObjectName(QStringLiteral("ruleExpression"));
    m_ruleExpression->setFixedHeight(80);
    m_ruleExpression->setPlaceholderText(QStringLiteral("fractions > 0 and totalDoseGy / fractions <= 3"));
    form->addRow(tr("Must be true"), m_ruleExpression);
    connect(m_ruleExpression, &QPlainTextEdit::textChanged, this, store);
    m_ruleSeverity = new QComboBox;
    m_ruleSeverity->setObjectName(QStringLiteral("ruleSeverity"));
    m_ruleSeverity->addItem(tr("Error: blocks submission"));
    m_ruleSeverity->addItem(tr("Warning: shown and recorded"));
    form->addRow(tr("Severity"), m_ruleSeverity);
    connect(m_ruleSeverity, &QComboBox::currentIndexChanged, this, store);
    m_ruleMessageZh = new QLineEdit;
    m_ruleMessageZh->setObjectName(QStringLiteral("ruleMessageZh"));
    form->addRow(tr("Message (中文)"), m_ruleMessageZh);
    connect(m_ruleMessageZh, &QLineEdit::textEdited, this, store);
    m_ruleMessageEn = new QLineEdit;
    m_ruleMessageEn->setObjectName(QStringLiteral("ruleMessageEn"));
    form->addRow(tr("Message (English)"), m_ruleMessageEn);
    connect(m_ruleMessageEn, &QLineEdit::textEdited, this, store);
    m_ruleFields = new QLineEdit;
    m_ruleFields->setObjectName(QStringLiteral("ruleFields"));
    m_ruleFields->setPlaceholderText(QStringLiteral("totalDoseGy, fractions"));
    form->addRow(tr("Shown beside"), m_ruleFields);
    connect(m_ruleFields, &QLineEdit::textEdited, this, store);
    auto *hint =
        new QLabel(tr("Operators: + - * / = != < <= > >= and or not. Functions: abs, round, min, max, "
                      "if, empty, present, days, count, sum, len, matches, contains, date, today."));
    hint->setObjectName(QStringLiteral("designerHint"));
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    return page;
}

void FormDesigner::newDefinition()
{
    FormDefinition d;
    d.title = {QStringLiteral("新表单"), QStringLiteral("New form")};
    d.category = QStringLiteral("baseline");
    SectionDefinition s;
    s.id = QStringLiteral("general");
    s.title = {QStringLiteral("基本信息"), QStringLiteral("General")};
    d.sections << s;
    setDefinition(d);
}

void FormDesigner::setDefinition(const FormDefinition &definition)
{
    m_definition = definition;
    m_selection = {};
    rebuildTree();
    showSelection();
    setSeverity(m_checkResult, "", QString());
    setModified(false);
    updatePreview();
}

bool FormDesigner::setJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject()) {
        setSeverity(m_checkResult, "error",
                    tr("The file is not a JSON object (%1 at offset %2).")
                        .arg(error.errorString())
                        .arg(error.offset));
        return false;
    }
    // A definition that passes keeps everything; one that does not is still shown so it can be fixed.
    auto parsed = FormDefinition::fromJson(json);
    if (parsed) {
        setDefinition(parsed.value());
        setModified(true);
        return true;
    }
    setDefinition(FormDefinition());
    setModified(true);
    setSeverity(m_checkResult, "error", parsed.error().message);
    return false;
}

QByteArray FormDesigner::json() const
{
    return QJsonDocument(m_definition.toJson()).toJson(QJsonDocument::Indented);
}

Result<FormDefinition> FormDesigner::check()
{
    auto parsed = FormDefinition::fromJson(json());
    if (!parsed) {
        setSeverity(m_checkResult, "error", parsed.error().message);
        showLocation(parsed.error().message);
        return parsed;
    }
    setSeverity(m_checkResult, "success",
                tr("The definition is valid: %n field(s)", nullptr, parsed->fieldCount()) +
                    tr(", %n rule(s).", nullptr, int(parsed->rules.size())));
    return parsed;
}

void FormDesigner::showLocation(const QString &message)
{
    // "sections[1].fields[3].fields[0].calculate ..." or "rules[2].expression ...": select the culprit.
    static const QRegularExpression fieldAt(
        QStringLiteral("sections\\[(\\d+)\\](?:\\.fields\\[(\\d+)\\](?:\\.fields\\[(\\d+)\\])?)?"));
    static const QRegularExpression ruleAt(QStringLiteral("rules\\[(\\d+)\\]"));
    if (const auto m = ruleAt.match(message); m.hasMatch()) {
        selectRule(m.captured(1).toInt());
        return;
    }
    if (const auto m = fieldAt.match(message); m.hasMatch()) {
        const int s = m.captured(1).toInt();
        if (m.captured(2).isEmpty())
            selectSection(s);
        else
            selectField(s, m.captured(2).toInt(), m.captured(3).isEmpty() ? -1 : m.captured(3).toInt());
    }
}

void FormDesigner::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void FormDesigner::setPreviewLanguage(const QString &language)
{
    m_language = language;
    m_preview->setLanguage(language);
    if (auto *combo = findChild<QComboBox *>(QStringLiteral("previewLanguage"))) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(std::max(
            0, combo->findData(language.startsWith(u"zh") ? QStringLiteral("zh_CN") : QStringLiteral("en"))));
    }
    rebuildTree();
}

void FormDesigner::changed()
{
    setModified(true);
    setSeverity(m_checkResult, "", QString());
    schedulePreview();
}

void FormDesigner::schedulePreview()
{
    m_previewTimer->start();
}

void FormDesigner::updatePreview()
{
    auto parsed = FormDefinition::fromJson(json());
    if (!parsed) {
        m_previewStatus->setText(
            tr("The preview shows the last state that passed the check: %1").arg(parsed.error().message));
        m_previewStatus->show();
        return;
    }
    m_previewStatus->hide();
    // Values typed into the preview survive edits of the definition where their fields still exist.
    const QJsonObject before = m_preview->hasDefinition() ? m_preview->values() : QJsonObject();
    m_preview->setDefinition(parsed.value(), m_language);
    QJsonObject kept;
    for (auto it = before.begin(); it != before.end(); ++it) {
        const FieldDefinition *f = parsed->field(it.key());
        if (f && f->calculate.isEmpty())
            kept.insert(it.key(), it.value());
    }
    if (!kept.isEmpty())
        m_preview->setValues(kept);
}

void FormDesigner::rebuildTree()
{
    m_loading = true;
    m_tree->clear();
    auto *root = new QTreeWidgetItem(m_tree);
    root->setText(0, m_definition.title.text(m_language).isEmpty() ? tr("(untitled form)")
                                                                   : m_definition.title.text(m_language));
    root->setText(1, m_definition.id);
    root->setData(0, KindRole, int(Kind::Form));
    QFont bold = root->font(0);
    bold.setBold(true);
    root->setFont(0, bold);
    auto typeName = [this](FieldType t) {
        for (int i = 0; i < m_fieldType->count(); ++i) {
            if (m_fieldType->itemData(i).toString() == fieldTypeId(t))
                return m_fieldType->itemText(i);
        }
        return fieldTypeId(t);
    };
    for (int s = 0; s < m_definition.sections.size(); ++s) {
        const SectionDefinition &section = m_definition.sections.at(s);
        auto *sItem = new QTreeWidgetItem(root);
        sItem->setText(0, section.title.text(m_language).isEmpty() ? section.id
                                                                   : section.title.text(m_language));
        sItem->setText(1, section.id);
        sItem->setData(0, KindRole, int(Kind::Section));
        sItem->setData(0, SectionRole, s);
        sItem->setFont(0, bold);
        for (int f = 0; f < section.fields.size(); ++f) {
            const FieldDefinition &field = section.fields.at(f);
            auto *fItem = new QTreeWidgetItem(sItem);
            fItem->setText(0,
                           field.label.text(m_language).isEmpty() ? field.id : field.label.text(m_language));
            fItem->setText(1, typeName(field.type));
            fItem->setToolTip(0, field.id);
            fItem->setData(0, KindRole, int(Kind::Field));
            fItem->setData(0, SectionRole, s);
            fItem->setData(0, FieldRole, f);
            fItem->setData(0, MemberRole, -1);
            for (int m = 0; m < field.fields.size(); ++m) {
                const FieldDefinition &member = field.fields.at(m);
                auto *mItem = new QTreeWidgetItem(fItem);
                mItem->setText(0, member.label.text(m_language).isEmpty() ? member.id
                                                                          : member.label.text(m_language));
                mItem->setText(1, typeName(member.type));
                mItem->setToolTip(0, member.id);
                mItem->setData(0, KindRole, int(Kind::Field));
                mItem->setData(0, SectionRole, s);
                mItem->setData(0, FieldRole, f);
                mItem->setData(0, MemberRole, m);
            }
        }
    }
    m_tree->expandAll();
    m_rules->clear();
    for (const RuleDefinition &rule : std::as_const(m_definition.rules)) {
        auto *item = new QListWidgetItem(rule.id.isEmpty() ? tr("(new rule)") : rule.id, m_rules);
        item->setToolTip(rule.expression);
    }
    // Put the selection back on the item it was on.
    QTreeWidgetItem *current = root;
    if (m_selection.kind == Kind::Section || m_selection.kind == Kind::Field) {
        QTreeWidgetItem *sItem = root->child(m_selection.section);
        current = sItem ? sItem : root;
        if (sItem && m_selection.kind == Kind::Field) {
            QTreeWidgetItem *fItem = sItem->child(m_selection.field);
            current = fItem ? fItem : sItem;
            if (fItem && m_selection.member >= 0 && fItem->child(m_selection.member))
                current = fItem->child(m_selection.member);
        }
    }
    m_tree->setCurrentItem(current);
    if (m_selection.kind == Kind::Rule)
        m_rules->setCurrentRow(m_selection.rule);
    m_loading = false;
}

void FormDesigner::selectionFromTree()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    Selection s;
    if (item) {
        s.kind = Kind(item->data(0, KindRole).toInt());
        s.section = item->data(0, SectionRole).isValid() ? item->data(0, SectionRole).toInt() : -1;
        s.field = item->data(0, FieldRole).isValid() ? item->data(0, FieldRole).toInt() : -1;
        s.member = item->data(0, MemberRole).isValid() ? item->data(0, MemberRole).toInt() : -1;
    }
    m_selection = s;
    showSelection();
}

bool FormDesigner::selectSection(int section)
{
    if (section < 0 || section >= m_definition.sections.size())
        return false;
    m_tabs->setCurrentIndex(0);
    m_selection = {Kind::Section, section, -1, -1, -1};
    rebuildTree();
    showSelection();
    return true;
}

bool FormDesigner::selectField(int section, int field, int member)
{
    if (section < 0 || section >= m_definition.sections.size() || field < 0 ||
        field >= m_definition.sections.at(section).fields.size())
        return false;
    if (member >= m_definition.sections.at(section).fields.at(field).fields.size())
        return false;
    m_tabs->setCurrentIndex(0);
    m_selection = {Kind::Field, section, field, member, -1};
    rebuildTree();
    showSelection();
    return true;
}

bool FormDesigner::selectRule(int rule)
{
    if (rule < 0 || rule >= m_definition.rules.size())
        return false;
    m_selection = {Kind::Rule, -1, -1, -1, rule};
    m_loading = true;
    m_tabs->setCurrentIndex(1);
    m_rules->setCurrentRow(rule);
    m_loading = false;
    showSelection();
    return true;
}

SectionDefinition *FormDesigner::selectedSection()
{
    if (m_selection.section < 0 || m_selection.section >= m_definition.sections.size())
        return nullptr;
    return &m_definition.sections[m_selection.section];
}

FieldDefinition *FormDesigner::selectedField()
{
    SectionDefinition *s = selectedSection();
    if (!s || m_selection.kind != Kind::Field || m_selection.field < 0 ||
        m_selection.field >= s->fields.size())
        return nullptr;
    FieldDefinition *f = &s->fields[m_selection.field];
    if (m_selection.member >= 0)
        return m_selection.member < f->fields.size() ? &f->fields[m_selection.member] : nullptr;
    return f;
}

RuleDefinition *FormDesigner::selectedRule()
{
    if (m_selection.kind != Kind::Rule || m_selection.rule < 0 ||
        m_selection.rule >= m_definition.rules.size())
        return nullptr;
    return &m_definition.rules[m_selection.rule];
}

void FormDesigner::showSelection()
{
    m_loading = true;
    switch (m_selection.kind) {
    case Kind::Form:
        m_formId->setText(m_definition.id);
        m_formTitleZh->setText(m_definition.title.zh);
        m_formTitleEn->setText(m_definition.title.en);
        m_formDescriptionZh->setText(m_definition.description.zh);
        m_formDescriptionEn->setText(m_definition.description.en);
        m_formCategory->setText(m_definition.category);
        m_formEventTypes->setText(joinList(m_definition.eventTypes));
        m_editors->setCurrentIndex(0);
        break;
    case Kind::Section:
        if (SectionDefinition *s = selectedSection()) {
            m_sectionId->setText(s->id);
            m_sectionTitleZh->setText(s->title.zh);
            m_sectionTitleEn->setText(s->title.en);
        }
        m_editors->setCurrentIndex(1);
        break;
    case Kind::Field:
        loadFieldEditor();
        m_editors->setCurrentIndex(2);
        break;
    case Kind::Rule:
        if (RuleDefinition *r = selectedRule()) {
            m_ruleId->setText(r->id);
            m_ruleExpression->setPlainText(r->expression);
            m_ruleSeverity->setCurrentIndex(r->severity == RuleSeverity::Error ? 0 : 1);
            m_ruleMessageZh->setText(r->message.zh);
            m_ruleMessageEn->setText(r->message.en);
            m_ruleFields->setText(joinList(r->fields));
        }
        m_editors->setCurrentIndex(3);
        break;
    }
    m_loading = false;
}

void FormDesigner::loadFieldEditor()
{
    const FieldDefinition *f = selectedField();
    if (!f)
        return;
    m_fieldId->setText(f->id);
    m_fieldType->setCurrentIndex(std::max(0, m_fieldType->findData(fieldTypeId(f->type))));
    m_fieldLabelZh->setText(f->label.zh);
    m_fieldLabelEn->setText(f->label.en);
    m_fieldHelpZh->setText(f->help.zh);
    m_fieldHelpEn->setText(f->help.en);
    m_fieldRequired->setChecked(f->required);
    m_fieldMinimum->setText(numberText(f->minimum));
    m_fieldMaximum->setText(numberText(f->maximum));
    m_fieldDecimals->setValue(f->decimals);
    m_fieldUnit->setText(f->unit);
    m_fieldPattern->setText(f->pattern);
    m_fieldMinDate->setText(f->minDate);
    m_fieldMaxDate->setText(f->maxDate);
    m_fieldOptions->setPlainText(optionsText(f->options));
    m_fieldCodeSystem->setText(f->codeSystem);
    m_fieldAllowedCodes->setText(joinList(f->allowedCodes));
    m_fieldCategory->setCurrentText(f->classification.category);
    m_fieldLevel->setValue(f->classification.level);
    m_fieldCalculate->setText(f->calculate);
    m_fieldVisibleIf->setText(f->visibleIf);
    m_fieldMinRows->setValue(f->minRows);
    m_fieldMaxRows->setValue(f->maxRows);
    updateFieldEditorVisibility();
}

void FormDesigner::updateFieldEditorVisibility()
{
    const auto type = fieldTypeFromId(m_fieldType->currentData().toString()).value_or(FieldType::Text);
    const bool number = type == FieldType::Integer || type == FieldType::Decimal;
    const bool inGroup = m_selection.member >= 0;
    auto show = [this](QWidget *editor, bool visible) {
        for (const auto &[label, e] : std::as_const(m_fieldRows)) {
            if (e == editor) {
                label->setVisible(visible);
                e->setVisible(visible);
            }
        }
    };
    show(m_fieldMinimum, number);
    show(m_fieldMaximum, number);
    show(m_fieldDecimals, type == FieldType::Decimal);
    show(m_fieldUnit, number);
    show(m_fieldPattern, type == FieldType::Text);
    show(m_fieldMinDate, type == FieldType::Date);
    show(m_fieldMaxDate, type == FieldType::Date);
    show(m_fieldOptions, type == FieldType::Choice || type == FieldType::MultiChoice);
    show(m_fieldCodeSystem, type == FieldType::Code);
    show(m_fieldAllowedCodes, type == FieldType::Code);
    show(m_fieldMinRows, type == FieldType::Group);
    show(m_fieldMaxRows, type == FieldType::Group);
    m_fieldType->setItemData(m_fieldType->findData(fieldTypeId(FieldType::Group)),
                             inGroup ? QVariant(0) : QVariant(), Qt::UserRole - 1);
}

void FormDesigner::storeFieldEditor()
{
    FieldDefinition *f = selectedField();
    if (!f)
        return;
    f->id = m_fieldId->text().trimmed();
    f->type = fieldTypeFromId(m_fieldType->currentData().toString()).value_or(FieldType::Text);
    f->label = {m_fieldLabelZh->text(), m_fieldLabelEn->text()};
    f->help = {m_fieldHelpZh->text(), m_fieldHelpEn->text()};
    f->required = m_fieldRequired->isChecked();
    const bool number = f->type == FieldType::Integer || f->type == FieldType::Decimal;
    f->minimum = number ? numberFrom(m_fieldMinimum->text()) : std::nullopt;
    f->maximum = number ? numberFrom(m_fieldMaximum->text()) : std::nullopt;
    f->decimals = m_fieldDecimals->value();
    f->unit = number ? m_fieldUnit->text().trimmed() : QString();
    f->pattern = f->type == FieldType::Text ? m_fieldPattern->text() : QString();
    f->minDate = f->type == FieldType::Date ? m_fieldMinDate->text().trimmed() : QString();
    f->maxDate = f->type == FieldType::Date ? m_fieldMaxDate->text().trimmed() : QString();
    const bool options = f->type == FieldType::Choice || f->type == FieldType::MultiChoice;
    f->options = options ? optionsFrom(m_fieldOptions->toPlainText()) : QList<ChoiceOption>();
    f->codeSystem = f->type == FieldType::Code ? m_fieldCodeSystem->text().trimmed() : QString();
    f->allowedCodes = f->type == FieldType::Code ? splitList(m_fieldAllowedCodes->text()) : QStringList();
    f->classification.category = m_fieldCategory->currentText().trimmed();
    f->classification.level = m_fieldLevel->value();
    f->calculate = m_fieldCalculate->text().trimmed();
    f->visibleIf = m_fieldVisibleIf->text().trimmed();
    f->minRows = m_fieldMinRows->value();
    f->maxRows = m_fieldMaxRows->value();
    if (f->type != FieldType::Group)
        f->fields.clear();
    if (QTreeWidgetItem *item = m_tree->currentItem()) {
        item->setText(0, f->label.text(m_language).isEmpty() ? f->id : f->label.text(m_language));
        item->setText(1, m_fieldType->currentText());
        item->setToolTip(0, f->id);
    }
    changed();
}

void FormDesigner::addSection()
{
    SectionDefinition s;
    const int n = int(m_definition.sections.size()) + 1;
    s.id = QStringLiteral("section%1").arg(n);
    s.title = {QStringLiteral("第%1部分").arg(n), QStringLiteral("Section %1").arg(n)};
    const int at = m_selection.section >= 0 ? m_selection.section + 1 : int(m_definition.sections.size());
    m_definition.sections.insert(at, s);
    m_selection = {Kind::Section, at, -1, -1, -1};
    rebuildTree();
    showSelection();
    m_sectionId->setFocus();
    m_sectionId->selectAll();
    changed();
}

void FormDesigner::addField()
{
    if (m_definition.sections.isEmpty())
        addSection();
    if (m_selection.section < 0)
        m_selection = {Kind::Section, int(m_definition.sections.size()) - 1, -1, -1, -1};
    SectionDefinition &section = m_definition.sections[m_selection.section];
    FieldDefinition f;
    f.id = QStringLiteral("field%1").arg(m_definition.fieldCount() + 1);
    f.label = {QStringLiteral("新字段"), QStringLiteral("New field")};
    // Inside a group when the group (or one of its members) is selected.
    const FieldDefinition *current = m_selection.field >= 0 && m_selection.field < section.fields.size()
                                         ? &section.fields[m_selection.field]
                                         : nullptr;
    if (current && current->type == FieldType::Group) {
        FieldDefinition &group = section.fields[m_selection.field];
        const int at = m_selection.member >= 0 ? m_selection.member + 1 : int(group.fields.size());
        group.fields.insert(at, f);
        m_selection = {Kind::Field, m_selection.section, m_selection.field, at, -1};
    } else {
        const int at = m_selection.field >= 0 ? m_selection.field + 1 : int(section.fields.size());
        section.fields.insert(at, f);
        m_selection = {Kind::Field, m_selection.section, at, -1, -1};
    }
    rebuildTree();
    showSelection();
    m_fieldId->setFocus();
    m_fieldId->selectAll();
    changed();
}

void FormDesigner::addRule()
{
    RuleDefinition r;
    r.id = QStringLiteral("rule%1").arg(m_definition.rules.size() + 1);
    r.expression = QStringLiteral("true");
    m_definition.rules << r;
    rebuildTree();
    selectRule(int(m_definition.rules.size()) - 1);
    m_ruleExpression->setFocus();
    m_ruleExpression->selectAll();
    changed();
}

void FormDesigner::removeSelected()
{
    switch (m_selection.kind) {
    case Kind::Form:
        return;
    case Kind::Section:
        if (selectedSection()) {
            m_definition.sections.removeAt(m_selection.section);
            m_selection = m_definition.sections.isEmpty()
                              ? Selection{}
                              : Selection{Kind::Section, std::max(0, m_selection.section - 1), -1, -1, -1};
        }
        break;
    case Kind::Field:
        if (selectedField()) {
            SectionDefinition &s = m_definition.sections[m_selection.section];
            if (m_selection.member >= 0) {
                s.fields[m_selection.field].fields.removeAt(m_selection.member);
                m_selection.member = std::max(-1, m_selection.member - 1);
            } else {
                s.fields.removeAt(m_selection.field);
                m_selection = s.fields.isEmpty() ? Selection{Kind::Section, m_selection.section, -1, -1, -1}
                                                 : Selection{Kind::Field, m_selection.section,
                                                             std::max(0, m_selection.field - 1), -1, -1};
            }
        }
        break;
    case Kind::Rule:
        if (selectedRule()) {
            m_definition.rules.removeAt(m_selection.rule);
            m_selection = m_definition.rules.isEmpty()
                              ? Selection{}
                              : Selection{Kind::Rule, -1, -1, -1, std::max(0, m_selection.rule - 1)};
        }
        break;
    }
    rebuildTree();
    showSelection();
    changed();
}

void FormDesigner::moveSelected(int delta)
{
    auto move = [delta](auto &list, int &index) {
        const int to = index + delta;
        if (index < 0 || to < 0 || to >= list.size())
            return false;
        list.move(index, to);
        index = to;
        return true;
    };
    bool moved = false;
    if (m_selection.kind == Kind::Section)
        moved = move(m_definition.sections, m_selection.section);
    else if (m_selection.kind == Kind::Field && selectedField()) {
        SectionDefinition &s = m_definition.sections[m_selection.section];
        if (m_selection.member >= 0)
            moved = move(s.fields[m_selection.field].fields, m_selection.member);
        else
            moved = move(s.fields, m_selection.field);
    } else if (m_selection.kind == Kind::Rule)
        moved = move(m_definition.rules, m_selection.rule);
    if (!moved)
        return;
    rebuildTree();
    showSelection();
    changed();
}

} // namespace mdp::forms::ui
