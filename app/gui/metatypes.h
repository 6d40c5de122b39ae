#pragma once

// Engine types that travel in signals and QVariants between the worker and the GUI.

#include "engine/deconvolution.h"
#include "engine/image.h"

#include <QMetaType>

Q_DECLARE_METATYPE(latentlens::engine::IterationInfo)
Q_DECLARE_METATYPE(latentlens::engine::Image)
