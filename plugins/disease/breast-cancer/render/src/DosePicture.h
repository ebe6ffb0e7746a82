#pragma once

#include <QImage>

namespace mdp::cohort {

// A synthetic axial dose distribution: a CT-like chest slice (body, lungs, heart, spine, breast)
// with a colour wash and isodose bands of a breast radiotherapy plan on the treated side. The
// picture depends on its arguments only.
class DosePicture
{
public:
    static QImage render(quint64 seed, int lesionMm, bool left);
};

} // namespace mdp::cohort
