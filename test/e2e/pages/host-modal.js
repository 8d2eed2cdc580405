document.getElementById('host-dialog').showModal();
