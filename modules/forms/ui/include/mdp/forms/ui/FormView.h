#pragma once

#include "mdp/forms/Expression.h"
#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/Validator.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QScrollArea;
class QUndoStack;
class QVBoxLayout;

namespace mdp::forms::ui {

// A file a File field may refer to: a timeline attachment of the record's event.
struct AttachmentChoice
{
    QString id; // the attachment's uuid string (the value stored)
    QString name;
};

// Renders a FormDefinition as a scrollable entry form (R-6.2.1d-f, R-6.1.3b): one editor per field
// type, labels and help in the form's language, calculated fields computed live, visibleIf applied
// live, and every keystroke checked by the Validator with each message beside its field (red for an
// error, amber for a warning) and a summary on top. Edits go on an undo stack (Ctrl+Z,
// Ctrl+Shift+Z). Editors are named "field_<path>" ("field_ki67", "field_oars[1].dose"), their
// messages "message_<path>".
class FormView : public QWidget
{
    Q_OBJECT
public:
    explicit FormView(QWidget *parent = nullptr);
    ~FormView() override;

    // Builds the form; values are cleared. `language` is "zh_CN" or "en".
    void setDefinition(const FormDefinition &definition, const QString &language = QStringLiteral("zh_CN"));
    const FormDefinition &definition() const { return m_definition; }
    bool hasDefinition() const { return m_validator != nullptr; }
    // Rebuilds the labels in another language; values and undo history stay.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    // What "today()" answers in expressions and date limits.
    void setToday(QDate today);
    QDate today() const { return m_today; }
    // The files a File field offers (the caller's attachments of the event).
    void setAttachments(const QList<AttachmentChoice> &attachments);

    // The values as they would be stored: calculated fields computed, hidden fields removed.
    QJsonObject values() const;
    // Shows `values` (not undoable: the undo history starts here).
    void setValues(const QJsonObject &values);
    // The value at a path ("ki67", "oars[1].dose") as entered (calculated fields: as computed).
    QJsonValue value(const QString &path) const;

    // Approved and pending records are shown, not edited.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Draft while typing (default); Submit once a submit was asked for, so required fields show.
    void setValidationMode(Validator::Mode mode);
    Validator::Mode validationMode() const { return m_mode; }
    // Validates in `mode` now, shows the result and keeps `mode` for the live checks after it.
    ValidationResult validate(Validator::Mode mode);
    const ValidationResult &validation() const { return m_result; }
    bool isValid() const { return !m_result.hasErrors(); }
    // Shows issues that came from elsewhere (the store refusing a write) beside their fields.
    void showIssues(const ValidationResult &result);

    // The field's label as shown ("ER (%)"), for messages that name fields.
    QString fieldLabel(const QString &path) const;
    bool isFieldVisible(const QString &path) const;
    QWidget *editor(const QString &path) const;
    // Scrolls the form so the field (or the table holding the cell) is in view.
    void scrollToField(const QString &path);
    QLabel *messageLabel(const QString &path) const;
    QLabel *summaryLabel() const { return m_summary; }
    QUndoStack *undoStack() const { return m_undo; }
    QScrollArea *scrollArea() const { return m_scroll; }

Q_SIGNALS:
    void valuesChanged();
    void validityChanged(bool valid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class FieldEditCommand;

    struct Binding
    {
        QString path;
        const FieldDefinition *field = nullptr;
        QWidget *editor = nullptr;                     // carries the name "field_<path>"
        QWidget *widget = nullptr;                     // what the layout holds: the editor or a box around it
        QList<QWidget *> focusables;                   // widgets that get the undo key filter
        std::function<void(const QJsonValue &)> write; // value -> widget, signals blocked
        std::function<void(bool)> setReadOnly;
        QWidget *row = nullptr; // hidden with visibleIf (top-level fields)
        QLabel *label = nullptr;
        QLabel *message = nullptr;
    };
    struct Group
    {
        const FieldDefinition *field = nullptr;
        QWidget *rowsHost = nullptr;
        QVBoxLayout *rowsLayout = nullptr;
        QWidget *addButton = nullptr;
        QLabel *empty = nullptr;
        QList<QWidget *> rows;
    };

    void rebuild();
    QWidget *buildField(const FieldDefinition &field, QWidget *parent);
    Binding makeEditor(const FieldDefinition &field, const QString &path, QWidget *parent);
    void rebuildGroupRows(const QString &groupId);
    void alignLabels();

    // Called by editors on a user edit; puts the change on the undo stack.
    void edited(const QString &path, const QJsonValue &value);
    void addRow(const QString &groupId);
    void removeRow(const QString &groupId, int row);
    // Applied by the undo commands.
    void applyValue(const QString &path, const QJsonValue &value, bool updateEditor);
    void storeValue(const QString &path, const QJsonValue &value);
    QJsonValue storedValue(const QString &path) const;
    void refresh();
    void updateCalculated(const QJsonObject &computed);
    void updateVisibility(const QJsonObject &computed);
    void showValidation();
    void watch(QWidget *widget);
    QString text(const LocalizedText &t) const;

    FormDefinition m_definition;
    std::unique_ptr<Validator> m_validator;
    QString m_language = QStringLiteral("zh_CN");
    QDate m_today;
    QList<AttachmentChoice> m_attachments;
    QJsonObject m_values; // as entered
    QJsonObject m_computed;
    Validator::Mode m_mode = Validator::Mode::Draft;
    ValidationResult m_result;
    std::optional<ValidationResult> m_external;
    bool m_readOnly = false;
    bool m_lastValid = true;
    bool m_applying = false;

    QHash<QString, Binding> m_bindings;
    QHash<QString, Group> m_groups;
    QHash<QString, bool> m_visible;
    QHash<QString, Expression> m_conditions; // visibleIf of top-level fields
    QList<QLabel *> m_fieldLabels;
    QUndoStack *m_undo;
    QLabel *m_summary;
    QScrollArea *m_scroll;
    QWidget *m_content = nullptr;
};

} // namespace mdp::forms::ui
