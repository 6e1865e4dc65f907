console.log('renderer placeholder');
