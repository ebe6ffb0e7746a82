#pragma once

#include "mdp/policy/Classification.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace mdp::policy::ui {

// Category, sub-kind and level for one subject, with the reason (a request) or the note (a review).
// Levels under the subject's floor are not offered.
class ClassificationDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose
    {
        Request,
        Review,
    };
    ClassificationDialog(Purpose purpose, const QString &subject, const Classification &initial, int floor,
                         QWidget *parent = nullptr);

    Classification classification() const;
    QString text() const;

private:
    void fillSubKinds();
    void updateOk();

    QComboBox *m_category;
    QComboBox *m_subKind;
    QComboBox *m_level;
    QPlainTextEdit *m_text;
    QPushButton *m_ok = nullptr;
};

} // namespace mdp::policy::ui
