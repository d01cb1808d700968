import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes

from esn_teach.datasets import load_breast_cancer_wdbc, load_card, load_diabetes_progression


def test_wdbc_shapes_and_positive_class_is_malignant():
    b = load_breast_cancer_wdbc()
    assert b.data.shape == (569, 30)
    assert isinstance(b.data, pd.DataFrame)
    assert isinstance(b.target, pd.Series)
    assert b.target.name == "malignant"
    # 212 malignant, 357 benign: prevalence 37.3 %
    assert int(b.target.sum()) == 212
    assert round(b.target.mean() * 100, 1) == 37.3
    # the malignant column is exactly the inverse of scikit-learn's coding
    sk = load_breast_cancer()
    np.testing.assert_array_equal(b.target.to_numpy(), 1 - sk.target)
    np.testing.assert_array_equal(b.frame["target_sklearn"].to_numpy(), sk.target)
    assert "target_sklearn" not in b.feature_names
    assert list(b.target_names) == ["benign", "malignant"]
    assert load_card("breast_cancer_wdbc") == b.DESCR
    assert set(b.labels_fr) >= set(b.feature_names) | {"malignant"}
    assert b.labels_fr["mean radius"] == "rayon (moyenne)"
    assert b.frame.attrs["synthetic"] is False


def test_wdbc_numpy_and_return_x_y():
    x, y = load_breast_cancer_wdbc(return_X_y=True)
    assert x.shape == (569, 30) and y.shape == (569,)
    b = load_breast_cancer_wdbc(as_frame=False)
    assert isinstance(b.data, np.ndarray) and b.frame is None
    assert set(np.unique(b.target)) == {0, 1}


def test_wdbc_bad_flag():
    with pytest.raises(
        TypeError,
        match="« as_frame » doit être True ou False ; valeur reçue : 'yes' \\(du texte\\)",
    ):
        load_breast_cancer_wdbc(as_frame="yes")


@pytest.mark.parametrize("scaled", [True, False])
def test_diabetes(scaled):
    b = load_diabetes_progression(scaled=scaled)
    assert b.data.shape == (442, 10)
    sk = load_diabetes(scaled=scaled)
    np.testing.assert_allclose(b.data.to_numpy(), sk.data)
    np.testing.assert_allclose(b.target.to_numpy(), sk.target)
    assert b.target.name == "progression"
    assert load_card("diabetes_progression") == b.DESCR
    assert b.frame.attrs["scaled"] is scaled


def test_diabetes_scaling():
    scaled = load_diabetes_progression().data
    np.testing.assert_allclose((scaled**2).sum().to_numpy(), 1.0, rtol=1e-6)
    raw = load_diabetes_progression(scaled=False).data
    assert set(raw["sex"].unique()) == {1.0, 2.0}
    assert raw["age"].between(18, 100).all()
    with pytest.raises(
        TypeError,
        match="« scaled » doit être True ou False ; valeur reçue : 1 \\(un nombre entier\\)",
    ):
        load_diabetes_progression(scaled=1)
