#include "MailRelayPane.h"

#include "NotificationMailDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mdp::notify::ui {

MailRelayPane::MailRelayPane(workbench::SessionContext &context, QWidget *parent)
    : workbench::SettingsPane(parent)
    , m_form(new NotificationMailDialog(context, this))
{
    // The dialog's form lives inside the tab; the settings dialog's own buttons save it.
    m_form->setWindowFlags(Qt::Widget);
    if (auto *buttons = m_form->findChild<QDialogButtonBox *>())
        buttons->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form);
    const auto changed = [this] { m_changed = true; };
    for (QLineEdit *edit : m_form->findChildren<QLineEdit *>()) {
        if (edit->objectName() != u"mailTestToEdit")
            connect(edit, &QLineEdit::textEdited, this, changed);
    }
    for (QSpinBox *spin : m_form->findChildren<QSpinBox *>())
        connect(spin, &QSpinBox::valueChanged, this, changed);
    for (QComboBox *combo : m_form->findChildren<QComboBox *>())
        connect(combo, &QComboBox::activated, this, changed);
}

bool MailRelayPane::apply()
{
    return !m_changed || m_form->save();
}

} // namespace mdp::notify::ui
