#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/TimelineEvent.h"

#include <QDialog>
#include <QList>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

namespace mdp::registry::ui {

// Adds or edits one timeline event: kind, a date or a period, title, annotation and a few
// structured fields per kind (for a radiotherapy course: total dose, fractions, technique). Fields
// of the structured detail that the form does not show are kept as they are. The dialog stays open
// with the registry's message when the submit function refuses.
class PatientEventDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Add,
        Edit
    };
    using Submit = std::function<Result<void>(const registry::EventDraft &draft, const QString &reason)>;

    PatientEventDialog(Mode mode, Submit submit, QWidget *parent = nullptr);

    void setDraft(const registry::EventDraft &draft);
    registry::EventDraft draft() const;
    QString reason() const;

    void setType(registry::EventType type);
    void setStructuredValue(const QString &key, const QVariant &value);

private:
    struct Field
    {
        QString key;
        const char *label;
        enum Kind
        {
            Text,
            Integer,
            Decimal,
            Choice
        } kind = Text;
        double minimum = 0;
        double maximum = 0;
        QString suffix = {};
        QStringList choices = {};
    };
    static QList<Field> fieldsFor(registry::EventType type);
    void rebuildFields();
    void submit();

    Mode m_mode;
    Submit m_submit;
    QJsonObject m_basePayload; // the edited event's detail, kept where the form has no field
    registry::EventDraft m_original;

    QComboBox *m_type;
    QDateEdit *m_start;
    QCheckBox *m_hasEnd;
    QDateEdit *m_end;
    QLineEdit *m_title;
    QPlainTextEdit *m_annotation;
    QGroupBox *m_detailBox;
    QFormLayout *m_detailForm;
    QList<QPair<Field, QWidget *>> m_fieldWidgets;
    QLineEdit *m_reason;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace mdp::registry::ui
