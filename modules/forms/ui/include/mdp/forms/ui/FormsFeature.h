#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::forms::ui {

// The forms feature's contributions: the reviewer inbox ("reviews"), the form designer ("forms"),
// the forms strip on the patient page and the "record" link that opens a form record.
void contributeForms(workbench::Contributions &contributions);

} // namespace mdp::forms::ui
