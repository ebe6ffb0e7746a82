#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace mdp::forms::ui {

class FormView;

// Builds and edits a form definition for data managers (R-6.2.1d): sections and fields in a tree
// (add, remove, move), each field's properties (type, labels and help in both languages, required,
// range, unit, pattern, options, classification, calculation, visibility), the cross-field rules, a
// live preview and "Check", which runs FormDefinition::fromJson and names the location of the first
// problem. Saving is the host's business: it takes json() (or listens to saveRequested()).
class FormDesigner : public QWidget
{
    Q_OBJECT
public:
    explicit FormDesigner(QWidget *parent = nullptr);
    ~FormDesigner() override;

    // Starts from `definition` (an empty one for a new form).
    void setDefinition(const FormDefinition &definition);
    // Loads JSON as it is (even one that does not pass the check yet); false when it is not JSON.
    bool setJson(const QByteArray &json);
    void newDefinition();
    // The definition as edited (may not pass the check).
    const FormDefinition &definition() const { return m_definition; }
    QByteArray json() const;
    // Parses json() with FormDefinition::fromJson and shows the outcome.
    Result<FormDefinition> check();
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    void setPreviewLanguage(const QString &language);

    // Selection: section `s`, or field `f` of section `s` (member `m` of a group field).
    bool selectSection(int section);
    bool selectField(int section, int field, int member = -1);
    bool selectRule(int rule);
    void addSection();
    void addField();
    void addRule();
    void removeSelected();
    void moveSelected(int delta);

    FormView *preview() const { return m_preview; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *checkLabel() const { return m_checkResult; }

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void saveRequested(const QByteArray &json);

private:
    enum class Kind
    {
        Form,
        Section,
        Field,
        Rule
    };
    struct Selection
    {
        Kind kind = Kind::Form;
        int section = -1;
        int field = -1;
        int member = -1;
        int rule = -1;
    };

    QWidget *buildFormEditor();
    QWidget *buildSectionEditor();
    QWidget *buildFieldEditor();
    QWidget *buildRuleEditor();
    void rebuildTree();
    void showSelection();
    void selectionFromTree();
    void changed();
    void schedulePreview();
    void updatePreview();
    void showLocation(const QString &message);
    FieldDefinition *selectedField();
    SectionDefinition *selectedSection();
    RuleDefinition *selectedRule();
    void loadFieldEditor();
    void storeFieldEditor();
    void updateFieldEditorVisibility();

    FormDefinition m_definition;
    Selection m_selection;
    bool m_modified = false;
    bool m_loading = false;
    QString m_language = QStringLiteral("zh_CN");

    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_tree = nullptr;
    QListWidget *m_rules = nullptr;
    QStackedWidget *m_editors = nullptr;
    FormView *m_preview = nullptr;
    QLabel *m_checkResult = nullptr;
    QLabel *m_previewStatus = nullptr;
    QTimer *m_previewTimer = nullptr;

    // Form
    QLineEdit *m_formId = nullptr;
    QLineEdit *m_formTitleZh = nullptr;
    QLineEdit *m_formTitleEn = nullptr;
    QLineEdit *m_formDescriptionZh = nullptr;
    QLineEdit *m_formDescriptionEn = nullptr;
    QLineEdit *m_formCategory = nullptr;
    QLineEdit *m_formEventTypes = nullptr;
    // Section
    QLineEdit *m_sectionId = nullptr;
    QLineEdit *m_sectionTitleZh = nullptr;
    QLineEdit *m_sectionTitleEn = nullptr;
    // Field
    QWidget *m_fieldEditor = nullptr;
    QLineEdit *m_fieldId = nullptr;
    QComboBox *m_fieldType = nullptr;
    QLineEdit *m_fieldLabelZh = nullptr;
    QLineEdit *m_fieldLabelEn = nullptr;
    QLineEdit *m_fieldHelpZh = nullptr;
    QLineEdit *m_fieldHelpEn = nullptr;
    QCheckBox *m_fieldRequired = nullptr;
    QLineEdit *m_fieldMinimum = nullptr;
    QLineEdit *m_fieldMaximum = nullptr;
    QSpinBox *m_fieldDecimals = nullptr;
    QLineEdit *m_fieldUnit = nullptr;
    QLineEdit *m_fieldPattern = nullptr;
    QLineEdit *m_fieldMinDate = nullptr;
    QLineEdit *m_fieldMaxDate = nullptr;
    QPlainTextEdit *m_fieldOptions = nullptr;
    QLineEdit *m_fieldCodeSystem = nullptr;
    QLineEdit *m_fieldAllowedCodes = nullptr;
    QComboBox *m_fieldCategory = nullptr;
    QSpinBox *m_fieldLevel = nullptr;
    QLineEdit *m_fieldCalculate = nullptr;
    QLineEdit *m_fieldVisibleIf = nullptr;
    QSpinBox *m_fieldMinRows = nullptr;
    QSpinBox *m_fieldMaxRows = nullptr;
    QList<QPair<QWidget *, QWidget *>> m_fieldRows; // label, editor: shown per type
    // Rule
    QLineEdit *m_ruleId = nullptr;
    QPlainTextEdit *m_ruleExpression = nullptr;
    QComboBox *m_ruleSeverity = nullptr;
    QLineEdit *m_ruleMessageZh = nullptr;
    QLineEdit *m_ruleMessageEn = nullptr;
    QLineEdit *m_ruleFields = nullptr;
};

} // namespace mdp::forms::ui
